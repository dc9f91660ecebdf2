import type { SimContext } from './context';
import type { AutoscalingSpec } from './design';

/** What the autoscaler needs from the component it scales. */
export interface Scalable {
  readonly id: string;
  /** Replicas serving now. */
  activeReplicas(): number;
  workersPerReplica(): number;
  /** Busy-worker and capacity integrals so far, for the utilisation of the last interval. */
  utilizationAreas(nowMs: number): { busy: number; capacity: number };
  /** Starts `count` replicas that begin serving after the scale-out delay. */
  provision(count: number, readyInMs: number): void;
  /** Takes `count` replicas out of rotation; they finish the work they hold. */
  decommission(count: number): void;
  /** Replicas provisioned but not yet ready. */
  pendingReplicas(): number;
}

/** HPA's tolerance: no change while observed / target utilisation is within ±10%. */
const TOLERANCE = 0.1;

/**
 * Horizontal autoscaling with the Kubernetes HPA rule: every `evaluationIntervalSec`,
 * desired = ceil(active × observed / target utilisation), clamped to [min, max]. New replicas
 * serve after `scaleOutDelaySec`; scale-in waits `cooldownSec` after the last change.
 */
export class Autoscaler {
  private lastBusy = 0;
  private lastCapacity = 0;
  private lastChangeMs = -Infinity;

  constructor(
    private readonly ctx: SimContext,
    private readonly target: Scalable,
    private readonly spec: AutoscalingSpec,
  ) {}

  start(): void {
    this.ctx.scheduler.scheduleIn(this.spec.evaluationIntervalSec * 1000, this.ctx.events.autoscaleEvaluate, this);
  }

  evaluate(): void {
    const now = this.ctx.scheduler.now;
    this.ctx.scheduler.scheduleIn(this.spec.evaluationIntervalSec * 1000, this.ctx.events.autoscaleEvaluate, this);
    const areas = this.target.utilizationAreas(now);
    const busy = areas.busy - this.lastBusy;
    const capacity = areas.capacity - this.lastCapacity;
    this.lastBusy = areas.busy;
    this.lastCapacity = areas.capacity;
    if (capacity <= 0) return;
    const observed = busy / capacity;
    const ratio = observed / this.spec.targetUtilization;
    if (Math.abs(ratio - 1) <= TOLERANCE) return;
    const active = this.target.activeReplicas();
    const pending = this.target.pendingReplicas();
    // HPA's ceil(replicas × observed / target), with the replicas averaged over the interval so a
    // replica that became ready at this instant does not count as having carried the load.
    const busyWorkers = busy / (this.spec.evaluationIntervalSec * 1000);
    const needed = Math.ceil(busyWorkers / (this.target.workersPerReplica() * this.spec.targetUtilization) - 1e-9);
    const desired = Math.min(this.spec.maxReplicas, Math.max(this.spec.minReplicas, needed));
    const attrs = { observedUtilization: Math.round(observed * 1000) / 1000, from: active, to: desired };
    if (desired > active + pending) {
      this.target.provision(desired - active - pending, this.spec.scaleOutDelaySec * 1000);
      this.lastChangeMs = now;
      this.ctx.log('info', 'scale_out', this.target.id, `${this.target.id}: scaling out ${active} → ${desired} replicas (utilisation ${attrs.observedUtilization})`, attrs);
    } else if (desired < active && pending === 0 && now - this.lastChangeMs >= this.spec.cooldownSec * 1000) {
      this.target.decommission(active - desired);
      this.lastChangeMs = now;
      this.ctx.log('info', 'scale_in', this.target.id, `${this.target.id}: scaling in ${active} → ${desired} replicas (utilisation ${attrs.observedUtilization})`, attrs);
    }
  }
}
