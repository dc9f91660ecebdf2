import type { Rng } from '../random/rng';
import type { NodeStats } from '../metrics/node-stats';
import type { Call, Outcome } from './call';
import type { SimContext } from './context';
import type { CircuitBreaker } from './circuit-breaker';
import type { ComponentSpec, RetrySpec } from './design';
import type { Link } from './link';

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
  breaker: CircuitBreaker | null = null;
  /** Whole-component crashes in progress; overlapping crash faults stack. */
  private wholeCrashes = 0;
  faultErrorRate = 0;
  slowdownFactor = 1;
  extraDelayMs = 0;
  protected readonly routeRng: Rng;
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

  /** Probability that one request fails here: the intrinsic error rate combined with error faults. */
  protected failureProbability(intrinsic: number): number {
    return intrinsic + this.faultErrorRate - intrinsic * this.faultErrorRate;
  }

  /** Writes this component's bucket into its series. */
  closeBucket(index: number, nowMs: number): void {
    this.stats.closeBucket(index, nowMs, this.activeReplicas(), this.breaker ? this.breaker.bucketState() : 0);
  }
}
