import { numberFlag } from '../args';
import { UsageError } from '../usage-error';

/** Most threads `--threads` accepts: beyond the cores it only costs memory. */
export const MAX_THREADS = 64;

/** Reads `--threads N` (1 to {@link MAX_THREADS}); undefined when absent. */
export function threadsFlag(raw: string | undefined, usage: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = numberFlag('--threads', raw, usage, 'integer');
  if (n < 1 || n > MAX_THREADS) throw new UsageError(`--threads must be between 1 and ${MAX_THREADS}, got ${n}`, usage);
  return n;
}
