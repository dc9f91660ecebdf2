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
  constructor(
    readonly serial: number,
    readonly startMs: number,
    readonly sampled: boolean,
    readonly record: boolean,
    /** Hops already taken by the request that caused this trace (queued messages), to bound async loops. */
    readonly hopsBefore: number,
    /** The trace whose request enqueued this one's message. */
    readonly linkedSerial: number,
  ) {}

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

  constructor(
    readonly serial: number,
    readonly trace: TraceContext,
    readonly parent: Call | null,
    readonly node: SimNode,
    readonly link: Link | null,
    readonly attempt: number,
    readonly hop: number,
    readonly sentMs: number,
  ) {}
}
