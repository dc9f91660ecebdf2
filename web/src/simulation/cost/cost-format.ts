import type { SimulationCostDto } from '@architech/contracts';

/** USD for a cost table: `$1,240.50`; sub-cent amounts with 6 decimals (a short window's bill). */
export function usd(value: number): string {
  const digits = value !== 0 && Math.abs(value) < 0.01 ? 6 : 2;
  return `${value < 0 ? '−' : ''}$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A signed difference, `+$12.00` / `−$3.50`, and its share of `from` when that is not zero. */
export function usdDelta(from: number, to: number): string {
  const delta = to - from;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const share = from !== 0 && delta !== 0 ? ` (${delta >= 0 ? '+' : '−'}${Math.abs((delta / from) * 100).toFixed(1)}%)` : '';
  return `${sign}$${Math.abs(delta).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${share}`;
}

/** Monthly USD of each component in either of two costs, for a delta table: ids of both, A's order first. */
export function costRows(a: SimulationCostDto | undefined, b: SimulationCostDto | undefined): { id: string; a: number | undefined; b: number | undefined }[] {
  const ids = [...new Set([...Object.keys(a?.components ?? {}), ...Object.keys(b?.components ?? {})])];
  return ids.map((id) => ({ id, a: a?.components[id]?.monthly, b: b?.components[id]?.monthly }));
}
