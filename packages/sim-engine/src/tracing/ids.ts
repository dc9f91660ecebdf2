/** A 32-bit avalanche mix (murmur3's finaliser). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function hex8(x: number): string {
  return x.toString(16).padStart(8, '0');
}

/**
 * Deterministic W3C-shaped identifiers: a 32-hex-digit trace id and a 16-hex-digit span id derived
 * from the run's salt and a serial number, so identical runs give identical ids without drawing
 * from any random stream. The parts that depend on the serial come first, so the traces of one run
 * differ in their first hex digits (a list showing short ids tells them apart).
 */
export function traceIdOf(salt: number, serial: number): string {
  const a = mix32(salt ^ 0x9e3779b9);
  const b = mix32(serial + a);
  const c = mix32(b ^ (serial * 0x27d4eb2d));
  return hex8(b) + hex8(c) + hex8(a) + hex8(mix32(c + 1));
}

export function spanIdOf(salt: number, serial: number): string {
  const a = mix32((salt + 0x632be5ab) ^ serial);
  return hex8(a) + hex8(mix32(a ^ serial ^ 0x85157af5));
}
