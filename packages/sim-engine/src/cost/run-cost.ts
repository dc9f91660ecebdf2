import type { Summary } from '../metrics/summary';
import type { DesignSpec } from '../review/flat-design';
import { computeCost, type Cost } from './cost-model';
import { LIST_PRICES, type PriceBook } from './price-book';
import { usageFromSummary } from './usage';

/** Whether any component stands for a provider building block (has a `provider` block): then a run carries `cost`. */
export function hasProviderBlocks(design: DesignSpec): boolean {
  return design.components.some((c) => c.type !== 'CLIENT' && c.properties.provider !== undefined);
}

/**
 * The cost of a run from its (post-warm-up, mean over replications) summary over the measured
 * window `durationSec − warmupSec`; undefined when no component has a provider block (a design
 * without one has no bill to compute, and its result stays as it was).
 *
 * @example runCost(design, result.summary, 600, LIST_PRICES)?.monthly
 */
export function runCost(design: DesignSpec, summary: Summary, windowSec: number, prices: PriceBook = LIST_PRICES): Cost | undefined {
  if (!hasProviderBlocks(design) || windowSec <= 0) return undefined;
  return computeCost({ design, usage: usageFromSummary(summary), windowSec, prices });
}
