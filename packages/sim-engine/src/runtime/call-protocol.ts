import { Scheduler } from '../core/scheduler';
import { Call, CallPhase, type Outcome, type TraceContext } from '../model/call';
import type { Link } from '../model/link';
import type { LogLevel } from '../model/context';
import type { SimNode } from '../model/node';
import { retryDelayMs } from '../model/retry-backoff';
import type { Rng } from '../random/rng';

/**
 * Longest chain of calls one request may make, counting hops through queues. Validation rejects
 * synchronous cycles; this cap stops asynchronous ones (a consumer feeding its own queue).
 */
export const MAX_HOPS = 64;

/** Outcomes a retry policy retries. An open breaker and the hop cap are final. */
const RETRYABLE: ReadonlySet<Outcome> = new Set<Outcome>(['error', 'downstream_error', 'timeout', 'dropped', 'unavailable', 'crashed', 'lost']);

/**
 * The protocol between components (docs/engine.md §4): one attempt of a call crosses a connection
 * (latency, loss), meets the callee's breaker and timer, and its answer crosses back; the caller
 * then feeds the breaker, retries with backoff, tolerates an optional call's failure, or passes
 * the result up. Owns the scheduler; the environment that extends it supplies streams and logs.
 */
export abstract class CallProtocol {
  readonly scheduler = new Scheduler();
  private readonly retryRngs = new Map<SimNode, Rng>();
  private callSerial = 0;
  /** Calls of finished traces, ready for reuse (linked through `nextInTrace`). */
  private freeCalls: Call | null = null;
  private readonly kArrive: number;
  private readonly kResponse: number;
  private readonly kTimeout: number;
  private readonly kLost: number;
  private readonly kRetry: number;

  constructor() {
    const s = this.scheduler;
    this.kArrive = s.register((call: Call) => this.arrive(call));
    this.kResponse = s.register((call: Call) => {
      if (!call.settled) this.settle(call, call.outcome);
    });
    this.kTimeout = s.register((call: Call) => this.onTimeout(call));
    this.kLost = s.register((call: Call) => {
      if (!call.settled) this.settle(call, 'lost');
    });
    this.kRetry = s.register((call: Call) => this.attempt(call.parent as Call, call.link as Link, call.attempt + 1));
  }

  /** A random stream for one purpose of one component. */
  abstract stream(node: SimNode, purpose: string): Rng;
  abstract log(level: LogLevel, event: string, componentId: string | null, message: string, attributes?: Record<string, string | number | boolean>): void;
  abstract logNoisy(event: string, node: SimNode, message: string): void;
  /** Logs (sampled) a call that `node` answered with a failure not logged where it happened. */
  abstract logFailure(node: SimNode, outcome: Outcome): void;

  /** The root call of a trace, held by `node` itself (calls are numbered in creation order: span ids derive from it). */
  protected newRootCall(trace: TraceContext, node: SimNode): Call {
    const call = this.newCall(trace, null, node, null, 1, trace.hopsBefore);
    trace.add(call);
    return call;
  }

  /** A new call (a reused one when a finished trace left some), numbered in creation order. */
  private newCall(trace: TraceContext, parent: Call | null, node: SimNode, link: Link | null, attemptNo: number, hop: number): Call {
    const free = this.freeCalls;
    if (free === null) return new Call(this.callSerial++, trace, parent, node, link, attemptNo, hop, this.scheduler.now);
    this.freeCalls = free.nextInTrace;
    free.reuse(this.callSerial++, trace, parent, node, link, attemptNo, hop).sentMs = this.scheduler.now;
    return free;
  }

  /**
   * Takes back the calls of a finished trace for reuse, unless something may still refer to one:
   * the trace is pinned (a timeout, retry, loss or crash touched it) or a call is still out.
   * Returns whether they were taken.
   */
  protected recycleCalls(trace: TraceContext): boolean {
    const head = trace.head;
    if (trace.pinned || head === null) return false;
    for (let c: Call | null = head.nextInTrace; c !== null; c = c.nextInTrace) {
      if (!c.settled || c.phase !== CallPhase.Done) return false;
    }
    (trace.tail as Call).nextInTrace = this.freeCalls;
    this.freeCalls = head;
    return true;
  }

  call(parent: Call, link: Link): void {
    link.inFlight++;
    this.attempt(parent, link, 1);
  }

  respond(call: Call, outcome: Outcome, record = true): void {
    call.phase = CallPhase.Done;
    if (call.settled) return;
    const now = this.scheduler.now;
    call.endMs = now;
    call.outcome = outcome;
    // Unless the component counts this outcome itself (a queue counts consumed messages).
    if (record) {
      if (outcome === 'ok') call.node.stats.completion(now - call.arrivedMs);
      else this.countFailure(call.node, outcome);
    }
    const link = call.link as Link;
    if (link.direct) {
      this.settle(call, outcome);
      return;
    }
    if (link.loses()) {
      this.loseResponse(call, link);
      return;
    }
    const delay = link.delayMs();
    if (delay > 0) this.scheduler.scheduleIn(delay, this.kResponse, call);
    else this.settle(call, outcome);
  }

  /*
   * The hot path (a call made, served and answered) stays small enough for V8 to inline it whole;
   * what happens only on failures lives in methods of its own below.
   */

  /** Sends attempt number `attemptNo` of a call along `link`. */
  private attempt(parent: Call, link: Link, attemptNo: number): void {
    const target = link.target;
    const hop = parent.hop + 1;
    if (hop > MAX_HOPS || (target.breaker !== null && !target.breaker.allow())) {
      this.refuse(parent, link, hop);
      return;
    }
    const trace = parent.trace;
    const child = this.newCall(trace, parent, target, link, attemptNo, hop);
    trace.add(child);
    if (target.breaker !== null) child.breakerGeneration = target.breaker.generation;
    if (target.timeoutMs !== undefined) {
      trace.pinned = true;
      if (target.timeoutLane < 0) target.timeoutLane = this.scheduler.lane(target.timeoutMs);
      this.scheduler.scheduleInLane(target.timeoutLane, this.kTimeout, child);
    }
    if (link.direct) {
      this.arrive(child);
      return;
    }
    if (link.loses()) {
      this.loseRequest(child, link);
      return;
    }
    const delay = link.delayMs();
    if (delay > 0) this.scheduler.scheduleIn(delay, this.kArrive, child);
    else this.arrive(child);
  }

  private arrive(call: Call): void {
    call.arrivedMs = this.scheduler.now;
    call.node.receive(call);
  }

  /** The caller concludes an attempt: feed the breaker, then retry or pass the result up. */
  private settle(call: Call, outcome: Outcome): void {
    call.settled = true;
    if (call.endMs < 0) {
      call.endMs = this.scheduler.now;
      call.outcome = outcome;
    }
    const node = call.node;
    if (node.breaker !== null) node.breaker.record(outcome === 'ok', call.breakerGeneration);
    if (outcome !== 'ok' && this.retries(call, outcome)) return;
    this.deliver(call.parent as Call, call.link as Link, outcome);
  }

  private deliver(parent: Call, link: Link, outcome: Outcome): void {
    link.inFlight--;
    if (outcome !== 'ok' && link.optional) outcome = this.fallBack(parent, link, outcome);
    parent.node.onDownstreamResult(parent, outcome);
  }

  /** Counts and logs a failed call at its component (a drop is counted where it was dropped). */
  private countFailure(node: SimNode, outcome: Outcome): void {
    if (outcome !== 'dropped') node.stats.error();
    this.logFailure(node, outcome);
  }

  /** Refuses an attempt before it is made: past the hop limit, or by the callee's open breaker. */
  private refuse(parent: Call, link: Link, hop: number): void {
    const target = link.target;
    if (hop > MAX_HOPS) {
      this.log('error', 'hop_limit', target.id, `request exceeded ${MAX_HOPS} hops at ${target.id}`, { hop });
      this.deliver(parent, link, 'hop_limit');
      return;
    }
    target.stats.reject();
    this.logNoisy('circuit_open', target, `${target.id}: call rejected by the open circuit breaker`);
    this.deliver(parent, link, 'circuit_open');
  }

  /** The connection loses the request: the caller learns of it by its timeout, or without one when it would have arrived. */
  private loseRequest(call: Call, link: Link): void {
    const target = link.target;
    call.trace.pinned = true;
    this.logNoisy('lost', target, `${link.id}: request to ${target.id} lost`);
    if (target.timeoutMs === undefined) this.scheduler.scheduleIn(link.delayMs(), this.kLost, call);
  }

  /** The connection loses the answer: as for a lost request, the caller learns of it by its timeout or the delay. */
  private loseResponse(call: Call, link: Link): void {
    const node = call.node;
    this.logNoisy('lost', node, `${link.id}: response from ${node.id} lost`);
    call.trace.pinned = true;
    if (node.timeoutMs === undefined) this.scheduler.scheduleIn(link.delayMs(), this.kLost, call);
  }

  private onTimeout(call: Call): void {
    if (call.settled) return;
    call.node.stats.timeout();
    this.logNoisy('timeout', call.node, `${call.node.id}: call timed out after ${call.node.timeoutMs} ms`);
    this.settle(call, 'timeout');
  }

  /** Schedules the next attempt of a failed call if its callee's retry policy allows one. */
  private retries(call: Call, outcome: Outcome): boolean {
    const retry = call.node.retry;
    if (retry === undefined || call.attempt >= retry.maxAttempts || !RETRYABLE.has(outcome)) return false;
    call.trace.pinned = true;
    this.scheduler.scheduleIn(retryDelayMs(retry, call.attempt, this.retryRng(call.node)), this.kRetry, call);
    return true;
  }

  /** The caller has a fallback: the failed optional call is counted where it failed, not passed up. */
  private fallBack(parent: Call, link: Link, outcome: Outcome): Outcome {
    this.logNoisy('fallback', parent.node, `${parent.node.id}: optional call to ${link.target.id} failed (${outcome}); answered without it`);
    return 'ok';
  }

  private retryRng(node: SimNode): Rng {
    let rng = this.retryRngs.get(node);
    if (!rng) {
      rng = this.stream(node, 'retry');
      this.retryRngs.set(node, rng);
    }
    return rng;
  }
}
