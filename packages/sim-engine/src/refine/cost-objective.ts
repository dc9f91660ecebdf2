import { HOURS_PER_MONTH } from '../cost/cost-model';
import { LIST_PRICES, priceOf, type PriceBook } from '../cost/price-book';
import { ReviewContext } from '../review/context';
import type { DesignSpec } from '../review/flat-design';
import { replicasChange, type ProposedChange } from './design-edit';
import { minimumReplicas } from './sizing';

/**
 * The next step of a `cost` objective once a design meets its goal: one replica less on the
 * priced station (fixed replicas, not serverless) whose replica costs most per hour, never below
 * its analytic minimum (stable at the peak, redundancy kept). Empty when nothing can be trimmed.
 * The loop validates the trimmed design against the same goal and keeps the last one that passed.
 */
export function costTrim(design: DesignSpec, prices: PriceBook = LIST_PRICES): ProposedChange[] {
  const ctx = new ReviewContext(design);
  let best: { change: ProposedChange; perHour: number } | undefined;
  for (const c of ctx.stations()) {
    const p = c.properties;
    if (p.serverless || p.autoscaling || !p.provider) continue;
    const perHour = priceOf(prices, p.provider, 'instance-hour');
    const current = p.replicas ?? 1;
    if (perHour === undefined || current - 1 < minimumReplicas(ctx, c) || (best && best.perHour >= perHour)) continue;
    const change = replicasChange(c, current - 1, `cost objective: the design meets its goal; one ${p.provider.sku ?? p.provider.service} replica less saves ≈ $${(perHour * HOURS_PER_MONTH).toFixed(2)} a month at list prices`);
    if (change) best = { change, perHour };
  }
  return best ? [best.change] : [];
}
