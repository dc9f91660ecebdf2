import type { Cost } from '@architech/sim-engine';
import { formatFixed } from './numbers';

/** `$1,240.50`; sub-cent amounts with 6 decimals. */
function usd(value: number): string {
  return `$${formatFixed(value, value !== 0 && Math.abs(value) < 0.01 ? 6 : 2)}`;
}

/** The cost lines of the summary report: the window's total, the month at this load, per million successful. */
export function renderCostSection(cost: Cost): string[] {
  const lines = [
    'Cost (list prices, USD)',
    `  this run     ${usd(cost.total)} over ${formatFixed(cost.windowSec, 0)} s`,
    `  per month    ${usd(cost.monthly)} at this load`,
    `  per million  ${cost.perMillionSuccessful === null ? 'n/a (no successful requests)' : usd(cost.perMillionSuccessful)} successful requests`,
  ];
  if (cost.unpriced.length > 0) lines.push(`  unpriced     ${cost.unpriced.join(', ')}`);
  return lines;
}
