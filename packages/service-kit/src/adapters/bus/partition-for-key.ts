/**
 * The partition a key lands in: FNV-1a (32 bit) of the key's UTF-16 code units, modulo
 * `partitions`. Every message of one key lands in one partition, which is what keeps per-key
 * order when partitions are consumed in parallel. Stable across processes and runs.
 *
 * @example partitionForKey('sim-42', 8) // always the same value in 0..7
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
