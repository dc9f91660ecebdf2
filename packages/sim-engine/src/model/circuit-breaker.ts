import type { SimContext } from './context';
import type { CircuitBreakerSpec } from './design';
import type { SimNode } from './node';

/** Breaker states, as numbers so they fit the time series (0 closed, 1 half-open, 2 open). */
export const BreakerState = { Closed: 0, HalfOpen: 1, Open: 2 } as const;
const NAMES = ['closed', 'half_open', 'open'];

/**
 * A count-based circuit breaker (as resilience4j's): while closed it keeps the outcomes of the last
 * `windowSize` calls and opens when the window is full and the failure share reaches
 * `failureThreshold`; open, it rejects calls for `openMs`; half-open, it lets `halfOpenRequests`
 * trial calls through and closes when they all succeed, or opens again at the first failure.
 */
export class CircuitBreaker {
  state: number = BreakerState.Closed;
  /** Bumped at every transition; a result of a call sent in another generation is ignored. */
  generation = 0;
  private readonly window: Uint8Array;
  private filled = 0;
  private cursor = 0;
  private failures = 0;
  private trialsSent = 0;
  private trialsSucceeded = 0;
  /** Highest state since the last bucket closed, so brief openings show in the series. */
  private bucketMax = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly node: SimNode,
    private readonly spec: CircuitBreakerSpec,
  ) {
    this.window = new Uint8Array(spec.windowSize);
  }

  /** Whether a call may go through now; counts half-open trials. */
  allow(): boolean {
    if (this.state === BreakerState.Closed) return true;
    if (this.state === BreakerState.Open) return false;
    if (this.trialsSent >= this.spec.halfOpenRequests) return false;
    this.trialsSent++;
    return true;
  }

  /** Whether calls would currently get through (queues hold their messages otherwise). */
  admitsTraffic(): boolean {
    return this.state === BreakerState.Closed || (this.state === BreakerState.HalfOpen && this.trialsSent < this.spec.halfOpenRequests);
  }

  /** Records the outcome of a call that went through in generation `generation`. */
  record(success: boolean, generation: number): void {
    if (generation !== this.generation) return;
    if (this.state === BreakerState.HalfOpen) {
      if (!success) this.transition(BreakerState.Open);
      else if (++this.trialsSucceeded >= this.spec.halfOpenRequests) this.transition(BreakerState.Closed);
      return;
    }
    if (this.state === BreakerState.Open) return;
    const size = this.window.length;
    if (this.filled === size) this.failures -= this.window[this.cursor];
    else this.filled++;
    const bit = success ? 0 : 1;
    this.window[this.cursor] = bit;
    this.failures += bit;
    this.cursor = (this.cursor + 1) % size;
    if (this.filled === size && this.failures / size >= this.spec.failureThreshold) this.transition(BreakerState.Open);
  }

  /** The open period ended. */
  halfOpen(): void {
    if (this.state === BreakerState.Open) this.transition(BreakerState.HalfOpen);
  }

  bucketState(): number {
    const s = this.bucketMax;
    this.bucketMax = this.state;
    return s;
  }

  private transition(to: number): void {
    const from = this.state;
    this.state = to;
    this.generation++;
    if (to > this.bucketMax) this.bucketMax = to;
    this.filled = this.cursor = this.failures = 0;
    this.trialsSent = this.trialsSucceeded = 0;
    if (to === BreakerState.Open) {
      this.ctx.scheduler.scheduleIn(this.spec.openMs, this.ctx.events.breakerHalfOpen, this);
    }
    // Queues hold messages while a consumer's breaker refuses traffic; tell them when it admits again.
    if (to !== BreakerState.Open) this.node.announceCapacity();
    const level = to === BreakerState.Open ? 'warn' : 'info';
    this.ctx.log(level, 'breaker_state', this.node.id, `circuit breaker of ${this.node.id} ${NAMES[from]} → ${NAMES[to]}`, { from: NAMES[from], to: NAMES[to] });
  }
}
