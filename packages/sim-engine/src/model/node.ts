import type { Rng } from '../random/rng';
import type { NodeStats } from '../metrics/node-stats';
import type { Call, Outcome } from './call';
import type { SimContext } from './context';
import type { CircuitBreaker } from './circuit-breaker';
import type { ComponentSpec, RetrySpec } from './design';
import type { Link } from './link';
import { TokenBucket } from './token-bucket';

/** What one crash fault took down. */
export interface CrashToken {
  whole: boolean;
  /** Indices of the replicas it stopped. */
  replicas: number[];
}

/**
 * A component at run time. Subclasses model one component type each; this base holds what every
 * type shares: links, statistics, the policies its callers apply, and fault state.
 */
export abstract class SimNode {
  readonly id: string;
  readonly type: string;
  readonly downstream: Link[] = [];
  readonly upstream: Link[] = [];
  /** Per-call timeout applied by callers of this component. */
  readonly timeoutMs: number | undefined;
  /** Retry policy applied by callers of this component. */
  readonly retry: RetrySpec | undefined;
  /** The scheduler lane of the timeouts of calls to it (set by the call protocol on the first); -1 before. */
  timeoutLane = -1;
  breaker: CircuitBreaker | null = null;
  /** Whole-component crashes in progress; overlapping crash faults stack. */
  private wholeCrashes = 0;
  faultErrorRate = 0;
  slowdownFactor = 1;
  extraDelayMs = 0;
  protected readonly routeRng: Rng;
  /** The `rateLimit` token bucket calls must pass on arrival; null without one. */
  private readonly admission: TokenBucket | null;
  private totalWeight = 0;

  constructor(
    protected readonly ctx: SimContext,
    spec: ComponentSpec,
    readonly stats: NodeStats,
  ) {
    this.id = spec.id;
    this.type = spec.type;
    // CLIENT and QUEUE have neither: producers cannot time out on a queue.
    const p = spec.properties;
    this.timeoutMs = 'timeoutMs' in p ? p.timeoutMs : undefined;
    this.retry = 'retry' in p ? p.retry : undefined;
    this.routeRng = ctx.stream(this, 'route');
    const limit = 'rateLimit' in p ? p.rateLimit : undefined;
    this.admission = limit ? new TokenBucket(limit) : null;
    // One instance unless the type says otherwise (stations provision theirs; a CLIENT is no deployment).
    stats.provisionedInstances(ctx.scheduler.now, spec.type === 'CLIENT' ? 0 : 1);
  }

  /** Wires an outgoing connection. */
  addDownstream(link: Link): void {
    this.downstream.push(link);
    this.totalWeight += link.weight;
  }

  /** A call arrived at this component. */
  abstract receive(call: Call): void;

  /** The downstream call made for `call` has its final result (after retries). */
  abstract onDownstreamResult(call: Call, outcome: Outcome): void;

  /** The service time of `call` ended. */
  onServiceDone(_call: Call): void {}

  /** How many calls this component can work on at once (queues size their deliveries by it). */
  concurrency(): number {
    return Infinity;
  }

  /** Whether any replica accepts work. */
  isAvailable(): boolean {
    return !this.down;
  }

  /** Replicas currently serving (for the series). */
  activeReplicas(): number {
    return 1;
  }

  /** The whole component is down (a crash fault without a replica count is in progress). */
  get down(): boolean {
    return this.wholeCrashes > 0;
  }

  /**
   * Crashes `replicas` replicas, or the whole component when undefined. The token says what went
   * down, so that the fault's end brings back exactly that even when crashes overlap.
   */
  crash(replicas: number | undefined): CrashToken {
    void replicas;
    this.wholeCrashes++;
    return { whole: true, replicas: [] };
  }

  /** Brings back what `crash` took down. */
  recover(token: CrashToken): void {
    if (token.whole) this.wholeCrashes--;
    if (!this.down) this.announceCapacity();
  }

  /** Tells queues feeding this component that it may take more messages. */
  announceCapacity(): void {
    for (const link of this.upstream) link.source.onConsumerCapacity();
  }

  /** A consumer of this component gained capacity (only queues care). */
  onConsumerCapacity(): void {}

  /** Picks a downstream by weight (LOAD_BALANCER overrides with its strategy). */
  pickDownstream(): Link {
    const links = this.downstream;
    if (links.length === 1) return links[0];
    let u = this.routeRng.next() * this.totalWeight;
    for (let i = 0; i < links.length - 1; i++) {
      u -= links[i].weight;
      if (u < 0) return links[i];
    }
    return links[links.length - 1];
  }

  /**
   * Whether `call` passes the rate limit; if not, it is throttled: answered `dropped` at once
   * (a 429 its caller may retry) and counted in `throttled` and `drops`.
   */
  protected admits(call: Call): boolean {
    if (this.admission === null || this.admission.take(this.ctx.scheduler.now)) return true;
    this.throttle(call, 'rate limit exceeded');
    return false;
  }

  /** Refuses `call` at once because a limit of this component is reached. */
  protected throttle(call: Call, reason: string): void {
    this.stats.throttle();
    this.ctx.logNoisy('throttled', this, `${this.id}: ${reason}, request throttled`);
    this.ctx.respond(call, 'dropped');
  }

  /** Probability that one request fails here: the intrinsic error rate combined with error faults. */
  protected failureProbability(intrinsic: number): number {
    return intrinsic + this.faultErrorRate - intrinsic * this.faultErrorRate;
  }

  /** Writes this component's bucket into its series. */
  closeBucket(index: number, nowMs: number): void {
    this.stats.closeBucket(index, nowMs, this.activeReplicas(), this.breaker ? this.breaker.bucketState() : 0);
  }
}
