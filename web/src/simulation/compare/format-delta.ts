import { formatValue, type Unit } from '../metric-format';

const fixed = (value: number, decimals: number) => value.toFixed(Math.max(0, Math.min(6, decimals))).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** Decimals that show a value of magnitude `scale` to about three significant digits. */
function decimalsFor(scale: number): number {
  if (!(scale > 0) || !Number.isFinite(scale)) return 0;
  return Math.max(0, 2 - Math.floor(Math.log10(scale)));
}

/**
 * B − A in the metric's unit, signed, at the precision of the values compared (ratios in
 * percentage points, to 0.01 pp): `+12.4 ms`, `−0.35 pp`. A difference that rounds to nothing at
 * that precision is `≈ 0` — never "−0.0000108 pp".
 */
export function formatDifference(diff: number, unit: Unit, a: number, b: number): string {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  const sign = diff > 0 ? '+' : '−';
  if (unit === 'ratio') {
    const points = Math.abs(diff) * 100;
    const decimals = points >= 10 ? 1 : 2;
    return Number(fixed(points, decimals)) === 0 ? '≈ 0 pp' : `${sign}${fixed(points, decimals)} pp`;
  }
  const decimals = unit === 'count' ? 0 : decimalsFor(unit === 'ms' && scale >= 1000 ? scale / 1000 : scale);
  if (unit === 'ms' && scale >= 1000) {
    const seconds = Math.abs(diff) / 1000;
    return Number(fixed(seconds, decimals)) === 0 ? '≈ 0' : `${sign}${fixed(seconds, decimals)} s`;
  }
  const rounded = fixed(Math.abs(diff), decimals);
  if (Number(rounded) === 0) return '≈ 0';
  return `${sign}${formatValue(Number(rounded), unit)}`;
}

/** (B − A) / |A| as a percentage: one decimal under 10 %, none above; `≈ 0 %` below 0.05 %. */
export function formatRelative(relative: number | undefined): string {
  if (relative === undefined || !Number.isFinite(relative)) return '–';
  const percent = Math.abs(relative) * 100;
  const text = fixed(percent, percent >= 10 ? 0 : 1);
  if (Number(text) === 0) return '≈ 0 %';
  return `${relative > 0 ? '+' : '−'}${text} %`;
}
