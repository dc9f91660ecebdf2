import type { Design } from '@architech/contracts';
import { computeCost, LIST_PRICES, usageFromSummary, type Cost, type PriceBook, type SimulationResult, type UsageSummary } from '@architech/sim-engine';
import { formatFixed } from './numbers';

/**
 * The cost of a run, computed from its summary's usage (`instanceSeconds`, `billedSeconds`,
 * `arrivals`) over the post-warm-up window; undefined when no component has a provider block or
 * the summary reports no usage.
 */
export function runCost(design: Design, result: SimulationResult, prices: PriceBook = LIST_PRICES): Cost | undefined {
  if (!design.components.some((c) => c.type !== 'CLIENT' && c.properties.provider)) return undefined;
  const summary = result.summary as unknown as UsageSummary;
  const reportsUsage = Object.values(summary.components).some((c) => typeof c.instanceSeconds === 'number' && typeof c.billedSeconds === 'number');
  if (!reportsUsage) return undefined;
  const windowSec = result.settings.durationSec - result.settings.warmupSec;
  return computeCost({ design, usage: usageFromSummary(summary), windowSec, prices });
}

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
