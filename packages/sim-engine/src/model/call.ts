import type { Link } from './link';
import type { SimNode } from './node';

/** Lifecycle of a call at its component. */
export const CallPhase = {
  /** Travelling to the component. */
  InTransit: 0,
  /** Waiting in a replica's queue. */
  Queued: 1,
  /** Holding a worker. */
  InService: 2,
  /** Served; waiting for its downstream call to return. */
  AwaitingDownstream: 3,
  /** Answered (or failed) by the component. */
  Done: 4,
} as const;

/** Why a call failed; `ok` for success. Stable strings: they appear in spans and logs. */
export type Outcome =
  | 'ok'
  | 'error'
  | 'downstream_error'
  | 'timeout'
  | 'dropped'
  | 'unavailable'
  | 'crashed'
  | 'lost'
  | 'circuit_open'
  | 'hop_limit'
  | 'dead_letter';

/**
 * One request's journey (a trace): a client request, or one delivery of a queued message.
 * Calls are collected while it runs; whether they become spans is decided when it ends.
 */
export class TraceContext {
  /** Calls of this trace, linked through `Call.nextInTrace` (no array per request). */
  head: Call | null = null;
  tail: Call | null = null;
  /**
   * Something that may outlive the trace refers to one of its calls (a pending timeout or retry, a
   * lost message, a crash): its calls are not reused when it ends.
   */
  pinned = false;
  /**
   * When the request started. A field with a number initialiser rather than a constructor parameter
   * property (which starts as undefined, after which V8 allocates a heap number on every write).
   */
  startMs = 0;

  constructor(
    public serial: number,
    startMs: number,
    public sampled: boolean,
    public record: boolean,
    /** Hops already taken by the request that caused this trace (queued messages), to bound async loops. */
    public hopsBefore: number,
    /** The trace whose request enqueued this one's message. */
    public linkedSerial: number,
  ) {
    this.startMs = startMs;
  }

  /**
   * Readies a finished trace for a new request, as if newly constructed; the caller sets
   * `startMs` (a double passed to a call V8 does not inline is boxed: one allocation per request).
   */
  reuse(serial: number, sampled: boolean, record: boolean, hopsBefore: number, linkedSerial: number): this {
    this.head = this.tail = null;
    this.pinned = false;
    this.serial = serial;
    this.sampled = sampled;
    this.record = record;
    this.hopsBefore = hopsBefore;
    this.linkedSerial = linkedSerial;
    return this;
  }

  /** Adds a call to the trace. */
  add(call: Call): void {
    if (this.tail === null) this.head = call;
    else this.tail.nextInTrace = call;
    this.tail = call;
  }
}

/** Progress of one request's fan-out at a `fanOut: "all"` component: its stage and what is still out. */
export class FanOut {
  /** Index of the stage whose calls are out. */
  stage = -1;
  /** Calls of that stage not yet settled. */
  pending = 0;
  /** A required call of that stage failed: no later stage starts. */
  failed = false;
}

/**
 * One attempt of a request at one component: the unit of queueing, of metrics and of tracing
 * (one span). Retries are new calls with `attempt + 1` to the same component.
 */
export class Call {
  phase: number = CallPhase.InTransit;
  /** The caller concluded this attempt (answered, timed out or lost); late answers are ignored. */
  settled = false;
  arrivedMs = -1;
  endMs = -1;
  outcome: Outcome = 'ok';
  replica = -1;
  /** Replica incarnation when the call started there; a crash bumps it, orphaning the call. */
  epoch = 0;
  holdsWorker = false;
  /** Fan-out progress while a `fanOut: "all"` component waits on its calls; null otherwise. */
  fan: FanOut | null = null;
  /** Messages: how many deliveries were attempted. */
  deliveries = 0;
  /** Generation of the callee's circuit breaker when the call was let through. */
  breakerGeneration = 0;
  /** The next call of the same trace. */
  nextInTrace: Call | null = null;
  /** When the call was sent (a number initialiser, as for `TraceContext.startMs`). */
  sentMs = 0;

  constructor(
    public serial: number,
    public trace: TraceContext,
    public parent: Call | null,
    public node: SimNode,
    public link: Link | null,
    public attempt: number,
    public hop: number,
    sentMs: number,
  ) {
    this.sentMs = sentMs;
  }

  /**
   * Readies a call of a finished trace for a new attempt, as if newly constructed; the caller sets
   * `sentMs` (no time argument: a double passed to a call V8 does not inline is boxed).
   */
  reuse(serial: number, trace: TraceContext, parent: Call | null, node: SimNode, link: Link | null, attempt: number, hop: number): this {
    this.phase = CallPhase.InTransit;
    this.settled = false;
    this.arrivedMs = this.endMs = -1;
    this.outcome = 'ok';
    this.replica = -1;
    this.epoch = this.deliveries = this.breakerGeneration = 0;
    this.holdsWorker = false;
    this.fan = null;
    this.nextInTrace = null;
    this.serial = serial;
    this.trace = trace;
    this.parent = parent;
    this.node = node;
    this.link = link;
    this.attempt = attempt;
    this.hop = hop;
    return this;
  }
}
