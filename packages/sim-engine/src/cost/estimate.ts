import type { DesignSpec } from '../review/flat-design';
import { meanServiceMs } from '../review/graph';
import { expectedArrivalRates, isStation, totalClientRate } from '../review/traffic';
import { computeCost, HOURS_PER_MONTH, type Cost } from './cost-model';
import type { PriceBook } from './price-book';
import type { ComponentUsage } from './usage';

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * A static monthly estimate for the editor's instant preview ("≈ $1,240 / month at this load"),
 * without a simulation: the clients emit `ratePerSec` in total (shared as their base rates are),
 * the traffic equations give each component its rate λ; a fixed station runs its replicas all
 * month (an autoscaled one the replicas its target utilisation needs at λ, within its bounds);
 * a serverless one is billed λ × 2.628 M s × mean service time of execution; every component
 * λ × 2.628 M s calls. Queueing, retries, cold starts and failures are not in it.
 */
export function estimateCost(design: DesignSpec, ratePerSec: number, prices: PriceBook): Cost {
  const base = totalClientRate(design, 'base');
  const scale = base > 0 ? ratePerSec / base : 0;
  const rates = expectedArrivalRates(design, 'base');
  const components: Record<string, ComponentUsage> = {};
  for (const c of design.components) {
    const lambda = (rates.get(c.id) ?? 0) * scale;
    const calls = lambda * SECONDS_PER_MONTH;
    const serviceSec = meanServiceMs(c) / 1000;
    const p = c.properties;
    let replicas = isStation(c) && !p.serverless ? (p.replicas ?? 1) : 0;
    if (p.autoscaling && !p.serverless) {
      const needed = Math.ceil((lambda * serviceSec) / ((p.workers ?? 1) * p.autoscaling.targetUtilization) - 1e-9);
      replicas = Math.min(p.autoscaling.maxReplicas, Math.max(p.autoscaling.minReplicas, needed));
    }
    components[c.id] = { arrivals: calls, completions: calls, instanceSeconds: replicas * SECONDS_PER_MONTH, billedSeconds: p.serverless ? calls * serviceSec : 0 };
  }
  return computeCost({ design, usage: { successfulRequests: ratePerSec * SECONDS_PER_MONTH, components }, windowSec: SECONDS_PER_MONTH, prices });
}
