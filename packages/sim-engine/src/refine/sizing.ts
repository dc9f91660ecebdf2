import type { ComponentSpec, DesignSpec } from '../review/flat-design';
import { MAX_REPLICAS, ReviewContext } from '../review/context';
import { replicasFor } from '../review/queueing';
import { replicasChange, serverlessInstances, type ProposedChange } from './design-edit';

/** How hard a station is sized: utilisation ceiling and mean queueing wait as a share of its holding time. */
export interface SizingTarget {
  maxUtilization: number;
  maxWaitShare: number;
}

/** The first sizing of every station: ρ ≤ 0.8 and a mean queueing wait no longer than the service time. */
export const FIRST_TARGET: SizingTarget = { maxUtilization: 0.8, maxWaitShare: 1 };
/** Each tightening after a failed capacity criterion, for the bottlenecks: ρ 0.8 → 0.65 → 0.5, wait 1 → 0.5 → 0.25 × service time. */
export const TIGHTER_TARGETS: readonly SizingTarget[] = [FIRST_TARGET, { maxUtilization: 0.65, maxWaitShare: 0.5 }, { maxUtilization: 0.5, maxWaitShare: 0.25 }];

/**
 * Fewest replicas of a station for a target, from M/M/c (Erlang C) per replica at the peak of the
 * arrival profiles: each replica is an M/M/w queue fed λ / replicas, as the engine routes. Never
 * below the redundancy the designer chose, up to 2 (a sized design does not lose its failover).
 */
export function sizedReplicas(ctx: ReviewContext, c: ComponentSpec, target: SizingTarget): number {
  const lambda = ctx.peak.get(c.id) ?? 0;
  const serviceSec = ctx.holdingMs(c) / 1000;
  const workers = workersOf(c);
  const floor = floorOf(c);
  const r = replicasFor(lambda, serviceSec, workers, target.maxUtilization, target.maxWaitShare * serviceSec, MAX_REPLICAS) ?? MAX_REPLICAS;
  return Math.max(floor, r);
}

/**
 * The analytic minimum of a station: the fewest replicas that keep it stable (ρ < 1) at the peak,
 * with the same redundancy floor. No design with less capacity can carry the load at all.
 */
export function minimumReplicas(ctx: ReviewContext, c: ComponentSpec): number {
  const lambda = ctx.peak.get(c.id) ?? 0;
  const a = (lambda * ctx.holdingMs(c)) / 1000;
  return Math.max(floorOf(c), Math.floor(a / workersOf(c) + 1e-9) + 1);
}

/**
 * Calls one replica serves at once: its workers; for a serverless station, one instance's
 * `concurrencyPerInstance` (sizing then counts instances, and {@link replicasChange} turns them
 * into `serverless.maxConcurrency`).
 */
function workersOf(c: ComponentSpec): number {
  return c.properties.serverless ? c.properties.serverless.concurrencyPerInstance : (c.properties.workers ?? 1);
}

/** The redundancy a sizing keeps: the designer's replicas up to 2; none for a serverless station (instances start on demand). */
function floorOf(c: ComponentSpec): number {
  if (c.properties.serverless) return 1;
  return Math.min(2, c.properties.autoscaling ? c.properties.autoscaling.minReplicas : (c.properties.replicas ?? 1));
}

/** Replicas of a station at its ceiling, as sizing counts them (instances for a serverless one). */
export function currentReplicas(c: ComponentSpec): number {
  if (c.properties.serverless) return serverlessInstances(c);
  return c.properties.autoscaling ? c.properties.autoscaling.maxReplicas : (c.properties.replicas ?? 1);
}

/** Capacity (Σ replicas × workers) of the analytic minimum of every station. */
export function analyticMinimumCapacity(design: DesignSpec): number {
  const ctx = new ReviewContext(design);
  return ctx.stations().reduce((sum, c) => sum + minimumReplicas(ctx, c) * workersOf(c), 0);
}

/**
 * Changes sizing each listed station (all stations when `only` is omitted) to its target. The
 * first sizing may shrink an over-provisioned station (least capacity); with `growOnly` (feedback
 * iterations) a station is never made smaller than it is.
 */
export function sizeStations(design: DesignSpec, target: (id: string) => SizingTarget, only?: ReadonlySet<string>, growOnly = false): ProposedChange[] {
  const ctx = new ReviewContext(design);
  const changes: ProposedChange[] = [];
  for (const c of ctx.stations()) {
    if (only && !only.has(c.id)) continue;
    const t = target(c.id);
    const current = currentReplicas(c);
    const sized = sizedReplicas(ctx, c, t);
    if (growOnly && sized <= current) continue;
    const replicas = sized;
    const lambda = ctx.peak.get(c.id) ?? 0;
    const unit = c.properties.serverless ? `instances (× ${workersOf(c)} calls = serverless.maxConcurrency ${Math.min(100_000, replicas * workersOf(c))})` : 'replicas';
    const why = `M/M/${workersOf(c)} per ${c.properties.serverless ? 'instance' : 'replica'} (Erlang C) at ${+lambda.toFixed(2)} req/s peak × ${+ctx.holdingMs(c).toFixed(2)} ms: ${replicas} ${unit} keep ρ ≤ ${t.maxUtilization} and the mean wait ≤ ${t.maxWaitShare} × service time`;
    const change = replicasChange(c, replicas, why);
    if (change) changes.push(change);
  }
  return changes;
}
