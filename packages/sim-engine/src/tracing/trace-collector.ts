import type { Rng } from '../random/rng';
import type { Call, Outcome, TraceContext } from '../model/call';
import { spanIdOf, traceIdOf } from './ids';
import type { Span, Trace } from './span';

export interface TraceLimits {
  sampleRate: number;
  maxTraces: number;
  slowest: number;
}

/**
 * Keeps a bounded, representative set of traces: the `slowest` longest requests, a uniform
 * reservoir sample of failed requests (up to 40% of the budget) and a reservoir of head-sampled
 * ones (the rest). Reservoirs (Vitter's algorithm R) keep memory fixed however long the run.
 */
export class TraceCollector {
  private readonly errors: Trace[] = [];
  private readonly sampled: Trace[] = [];
  private readonly slow: Trace[] = [];
  private errorsSeen = 0;
  private sampledSeen = 0;
  private readonly errorCap: number;
  private readonly sampledCap: number;
  private readonly slowCap: number;

  constructor(
    private readonly limits: TraceLimits,
    private readonly salt: number,
    private readonly rng: Rng,
  ) {
    this.slowCap = Math.min(limits.slowest, limits.maxTraces);
    this.errorCap = Math.floor((limits.maxTraces - this.slowCap) * 0.4);
    this.sampledCap = limits.maxTraces - this.slowCap - this.errorCap;
  }

  /** Whether calls must be collected at all. */
  get enabled(): boolean {
    return this.limits.maxTraces > 0;
  }

  /** Head-sampling decision for a new trace. */
  headSample(): boolean {
    return this.limits.sampleRate > 0 && this.rng.next() < this.limits.sampleRate;
  }

  /** Offers a finished request's trace to the pools; it ended at `root.endMs` (no time argument: V8 boxes a double passed to a call it does not inline). */
  finish(trace: TraceContext, root: Call, outcome: Outcome): void {
    if (!trace.record) return;
    // Most requests go to no pool: that is decided here, in a method small enough for V8 to inline.
    if (outcome === 'ok' && !trace.sampled && !this.slowEnough(root.endMs - root.sentMs)) return;
    this.offer(trace, root, outcome);
  }

  private slowEnough(durationMs: number): boolean {
    return this.slowCap > 0 && (this.slow.length < this.slowCap || durationMs > this.slow[this.slow.length - 1].durationMs);
  }

  /** Puts a trace in the pools that keep it (error, sampled, slowest). */
  private offer(trace: TraceContext, root: Call, outcome: Outcome): void {
    const nowMs = root.endMs;
    const durationMs = nowMs - root.sentMs;
    // Built at most once, and only when some pool keeps it (no closures: this runs per request).
    let built: Trace | null = null;
    if (outcome !== 'ok') {
      const slot = this.slotFor(this.errors, this.errorCap, ++this.errorsSeen);
      if (slot >= 0) this.errors[slot] = built = this.build(trace, root, outcome, nowMs, durationMs, 'error');
    } else if (trace.sampled) {
      const slot = this.slotFor(this.sampled, this.sampledCap, ++this.sampledSeen);
      if (slot >= 0) this.sampled[slot] = built = this.build(trace, root, outcome, nowMs, durationMs, 'sampled');
    }
    if (this.slowEnough(durationMs)) {
      const t = built ?? this.build(trace, root, outcome, nowMs, durationMs, 'slow');
      if (this.slow.length === this.slowCap) this.slow.pop();
      let i = this.slow.length;
      while (i > 0 && this.slow[i - 1].durationMs < durationMs) i--;
      this.slow.splice(i, 0, t);
    }
  }

  /** The kept traces, each once, in start order. */
  traces(): Trace[] {
    const byId = new Map<string, Trace>();
    for (const t of [...this.slow, ...this.errors, ...this.sampled]) if (!byId.has(t.traceId)) byId.set(t.traceId, t);
    return [...byId.values()].sort((a, b) => a.startMs - b.startMs || (a.traceId < b.traceId ? -1 : 1));
  }

  /**
   * Reservoir sampling (Vitter's algorithm R): the index where the `seen`-th candidate goes, or -1
   * when it is not kept. While the pool is not full, the next free index.
   */
  private slotFor(pool: Trace[], cap: number, seen: number): number {
    if (cap <= 0) return -1;
    if (pool.length < cap) return pool.length;
    const j = Math.floor(this.rng.next() * seen);
    return j < cap ? j : -1;
  }

  private build(trace: TraceContext, root: Call, outcome: Outcome, nowMs: number, durationMs: number, reason: Trace['reason']): Trace {
    const traceId = traceIdOf(this.salt, trace.serial);
    const calls: Call[] = [];
    for (let c = trace.head; c !== null; c = c.nextInTrace) calls.push(c);
    const spans: Span[] = calls.map((call) => {
      const unfinished = call.endMs < 0;
      const startMs = call.parent === null ? call.sentMs : call.arrivedMs >= 0 ? call.arrivedMs : call.sentMs;
      const endMs = unfinished ? nowMs : call.endMs;
      const attributes: Record<string, string | number | boolean> = { attempt: call.attempt, hop: call.hop };
      if (call.replica >= 0) attributes.replica = call.replica;
      if (call.link) {
        attributes.connection = call.link.id;
        if (call.link.stage > 0) attributes.stage = call.link.stage;
        if (call.link.optional) attributes.optional = true;
      }
      if (call.deliveries > 0) attributes.deliveries = call.deliveries;
      if (unfinished) attributes.unfinished = true;
      const status: Span['status'] = unfinished
        ? { code: 'UNSET' }
        : call.outcome === 'ok'
          ? { code: 'OK' }
          : { code: 'ERROR', message: call.outcome };
      return {
        traceId,
        spanId: spanIdOf(this.salt, call.serial),
        parentSpanId: call.parent ? spanIdOf(this.salt, call.parent.serial) : null,
        name: call.parent === null ? (call.node.type === 'QUEUE' ? `${call.node.id} deliver` : `${call.node.id} request`) : `${call.node.id}`,
        kind: call.parent === null ? (call.node.type === 'QUEUE' ? 'CONSUMER' : 'CLIENT') : 'SERVER',
        componentId: call.node.id,
        componentType: call.node.type,
        startMs,
        endMs,
        durationMs: endMs - startMs,
        status,
        attributes,
      };
    });
    const out: Trace = {
      traceId,
      rootComponentId: root.node.id,
      startMs: root.sentMs,
      durationMs,
      status: outcome === 'ok' ? 'OK' : 'ERROR',
      reason,
      spans,
    };
    if (trace.linkedSerial >= 0) out.linkedTraceId = traceIdOf(this.salt, trace.linkedSerial);
    return out;
  }
}
