/**
 * A simulated time as `mm:ss.mmm` (`h:mm:ss.mmm` from one hour on), the way logs and traces show
 * it; negative or non-finite times show as `--:--.---`.
 *
 * @example formatSimTime(75.25) === '01:15.250'
 */
export function formatSimTime(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '--:--.---';
  const totalMs = Math.round(sec * 1000);
  const ms = totalMs % 1000;
  const totalSec = Math.floor(totalMs / 1000);
  const s = totalSec % 60;
  const totalMin = Math.floor(totalSec / 60);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const tail = `${pad(s)}.${pad(ms, 3)}`;
  return totalMin >= 60 ? `${Math.floor(totalMin / 60)}:${pad(totalMin % 60)}:${tail}` : `${pad(totalMin)}:${tail}`;
}

/** A non-negative number of simulated seconds from a URL parameter, or undefined. */
export function parseSeconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Seconds as a URL parameter: millisecond precision, no trailing zeros. */
export function secondsParam(sec: number): string {
  return String(Math.round(sec * 1000) / 1000);
}
