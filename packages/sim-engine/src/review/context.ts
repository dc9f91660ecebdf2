import type { ComponentSpec, DesignSpec } from './flat-design';
import type { Finding, RuleInfo } from './finding';
import { DesignGraph, meanServiceMs, pathTimeMs } from './graph';
import { expectedArrivalRates, isStation, totalClientRate } from './traffic';

/** Highest replica count a remediation proposes (the contracts' LIMITS.maxReplicas). */
export const MAX_REPLICAS = 1000;

/** What every rule reads, computed once per review. */
export class ReviewContext {
  readonly graph: DesignGraph;
  readonly base: Map<string, number>;
  readonly peak: Map<string, number>;
  readonly clientBase: number;
  readonly clientPeak: number;

  constructor(readonly design: DesignSpec) {
    this.graph = new DesignGraph(design);
    this.base = expectedArrivalRates(design, 'base');
    this.peak = expectedArrivalRates(design, 'peak');
    this.clientBase = totalClientRate(design, 'base');
    this.clientPeak = totalClientRate(design, 'peak');
  }

  stations(): ComponentSpec[] {
    return this.design.components.filter(isStation);
  }

  /**
   * How long (ms, mean) a worker of a station is held per request: its service time, plus with
   * `blockingCalls` the mean round trip of its downstream calls (no queueing: a lower bound).
   */
  holdingMs(component: ComponentSpec): number {
    if (!component.properties.blockingCalls) return meanServiceMs(component);
    return pathTimeMs(this.graph, component.id, 'mean');
  }

  /**
   * Provisioned workers of a station at its ceiling (autoscaling's `maxReplicas` when it scales);
   * a serverless one serves up to `serverless.maxConcurrency` calls at once over all its instances.
   */
  servers(component: ComponentSpec, ceiling = true): number {
    const p = component.properties;
    if (p.serverless) return p.serverless.maxConcurrency;
    const replicas = ceiling && p.autoscaling ? p.autoscaling.maxReplicas : (p.replicas ?? 1);
    return replicas * (p.workers ?? 1);
  }
}

/** Calls in flight a serverless station needs for utilisation `rho` at λ (per second), within the contracts' limit. */
export function concurrencyForRho(ctx: ReviewContext, c: ComponentSpec, lambda: number, rho: number): number {
  const needed = Math.ceil((lambda * (ctx.holdingMs(c) / 1000)) / rho - 1e-9);
  return Math.min(MAX_SERVERLESS_CONCURRENCY, Math.max(1, needed));
}

/** Highest `serverless.maxConcurrency` a remediation proposes (the contracts' LIMITS.maxServerlessConcurrency). */
export const MAX_SERVERLESS_CONCURRENCY = 100_000;

/** A rule: its description and the check. */
export interface Rule {
  info: RuleInfo;
  check(ctx: ReviewContext): Finding[];
}

/** The finding a rule reports when it found nothing to remark on. */
export function passFinding(info: RuleInfo, reason: string): Finding {
  return { rule: info.id, domain: info.domain, outcome: 'pass', severity: 'low', components: [], reason, evidence: [] };
}

/** Domain of a finding about one station: a DATABASE is `database`, a CACHE `storage`, else `compute`. */
export function stationDomain(component: ComponentSpec): 'compute' | 'database' | 'storage' {
  return component.type === 'DATABASE' ? 'database' : component.type === 'CACHE' || component.type === 'QUEUE' ? 'storage' : 'compute';
}

/** A figure rounded for a sentence. */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '∞';
  return String(+value.toFixed(digits));
}
