/** Shown where a figure does not exist (no completions, JSON `null` for an infinite value). */
export const MISSING = '-';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number with fixed decimals and thousands separators. The separators are inserted by hand
 * rather than by `toLocaleString`, so output does not depend on the machine's locale.
 *
 * @example formatFixed(12345.678, 2) === '12,345.68'
 */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const [integer, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const negative = value < 0 && /[1-9]/.test(integer + (fraction ?? ''));
  return `${negative ? '-' : ''}${groupThousands(integer)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A count: whole numbers as such; with replications a count is a mean and keeps one decimal.
 *
 * @example formatCount(2991.5) === '2,991.5'
 */
export function formatCount(value: number | null | undefined): string {
  return formatFixed(value, value !== null && value !== undefined && Number.isInteger(value) ? 0 : 1);
}

/** A ratio (0–1) as a percentage, without the sign: `formatPercent(0.0832) === '8.3'`. */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
  return formatFixed(ratio === null || ratio === undefined ? ratio : ratio * 100, decimals);
}

/** Simulated seconds: `60 s`, `12.5 s`. */
export function formatSeconds(seconds: number): string {
  return `${formatFixed(seconds, Number.isInteger(seconds) ? 0 : 1)} s`;
}

/** Wall-clock time: milliseconds below a second, seconds above. */
export function formatWallTime(ms: number): string {
  return ms < 1000 ? `${formatFixed(ms, 0)} ms` : `${formatFixed(ms / 1000, 2)} s`;
}
