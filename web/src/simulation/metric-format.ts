// Numbers as an SRE reads them: three significant digits, units always written, thousands grouped.

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `n` with three significant digits (whole numbers from 1,000 on, grouped). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n === 0) return '0';
  if (Math.abs(n) >= 1000) return grouped.format(n);
  return String(Number(n.toPrecision(3)));
}

/** A latency: `0.42 ms`, `123 ms`, `1.23 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return Math.abs(ms) >= 1000 ? `${formatNumber(ms / 1000)} s` : `${formatNumber(ms)} ms`;
}

/** A rate per simulated second: `80.1 req/s`. */
export function formatRate(perSec: number, unit = 'req/s'): string {
  return `${formatNumber(perSec)} ${unit}`;
}

/** A 0–1 ratio as a percentage: `12.3 %`. */
export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${formatNumber(ratio * 100)} %` : '–';
}

/** How a metric's value is written. */
export type Unit = 'ms' | 'rate' | 'ratio' | 'count';

/** `value` in `unit`. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'rate':
      return formatRate(value);
    case 'ratio':
      return formatPercent(value);
    case 'count':
      return formatNumber(value);
  }
}
