import type { ComponentCostDto, SimulationCostDto } from '@architech/contracts';
import type { DesignSpec } from '../review/flat-design';
import { priceOf, skuVcpu, type PriceBook } from './price-book';
import type { RunUsage } from './usage';

/** Hours in the month cost figures are given for (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/** What one component cost over the window (the contracts' format). */
export type ComponentCost = ComponentCostDto;

/** The cost of a run (docs/providers.md, "How cost is computed"; the contracts' format). */
export type Cost = SimulationCostDto;

/** What `computeCost` reads. */
export interface CostInput {
  design: DesignSpec;
  usage: RunUsage;
  windowSec: number;
  prices: PriceBook;
}

/**
 * The cost of a run, pure: per component, provisioned instance-hours (a LOAD_BALANCER or QUEUE is
 * one resource for the whole window), calls, and serverless GB-seconds and vCPU-seconds, each ×
 * its price; monthly = total × 730 h / window hours.
 *
 * @example computeCost({ design, usage: usageFromSummary(result.summary), windowSec: 600, prices: LIST_PRICES }).monthly
 */
export function computeCost({ design, usage, windowSec, prices }: CostInput): Cost {
  const toMonth = (HOURS_PER_MONTH * 3600) / windowSec;
  const components: Record<string, ComponentCost> = {};
  const unpriced: string[] = [];
  for (const c of design.components) {
    if (c.type === 'CLIENT') continue;
    const ref = c.properties.provider;
    const used = usage.components[c.id] ?? { arrivals: 0, completions: 0, instanceSeconds: 0, billedSeconds: 0 };
    const price = ref && ((unit: Parameters<typeof priceOf>[2]) => priceOf(prices, ref, unit));
    if (!ref || !price) {
      unpriced.push(c.id);
      continue;
    }
    const serverless = c.properties.serverless;
    const perHour = serverless ? undefined : price('instance-hour');
    const perMillion = price('million-requests');
    const perGbSec = serverless ? price('gb-second') : undefined;
    const perVcpuSec = serverless ? price('vcpu-second') : undefined;
    if ([perHour, perMillion, perGbSec, perVcpuSec].every((p) => p === undefined)) {
      unpriced.push(c.id);
      continue;
    }
    const instanceSeconds = c.type === 'LOAD_BALANCER' || c.type === 'QUEUE' ? windowSec : used.instanceSeconds;
    const instance = ((perHour ?? 0) * instanceSeconds) / 3600;
    const requests = ((perMillion ?? 0) * used.arrivals) / 1e6;
    const compute = serverless ? used.billedSeconds * ((perGbSec ?? 0) * (serverless.memoryMb / 1024) + (perVcpuSec ?? 0) * skuVcpu(ref)) : 0;
    const total = instance + requests + compute;
    components[c.id] = { instance, requests, compute, total, monthly: total * toMonth };
  }
  const total = Object.values(components).reduce((sum, c) => sum + c.total, 0);
  return {
    windowSec,
    currency: 'USD',
    total,
    monthly: total * toMonth,
    perMillionSuccessful: usage.successfulRequests > 0 ? (total / usage.successfulRequests) * 1e6 : null,
    components,
    unpriced,
    overrides: prices.overrides?.length ?? 0,
  };
}
