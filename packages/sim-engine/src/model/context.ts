import type { LogLevelName } from '@architech/contracts';
import type { Scheduler } from '../core/scheduler';
import type { Rng } from '../random/rng';
import type { Call, Outcome, TraceContext } from './call';
import type { Link } from './link';
import type { SimNode } from './node';

export type LogLevel = LogLevelName;

/** Event kinds the component models schedule; dispatch lives in the run time. */
export interface ModelEvents {
  readonly serviceDone: number;
  readonly clientArrival: number;
  readonly breakerHalfOpen: number;
  readonly autoscaleEvaluate: number;
  readonly replicaReady: number;
  readonly instanceIdle: number;
}

/**
 * What a component model may ask of the running simulation. Models never import each other or
 * the run time: they talk to their neighbours only through calls made here.
 */
export interface SimContext {
  readonly scheduler: Scheduler;
  readonly events: ModelEvents;
  readonly endMs: number;
  /** A random stream for one purpose of one component, independent of every other stream. */
  stream(node: SimNode, purpose: string): Rng;
  /** Sends a call from `parent` (waiting at its component) along `link`; the result comes back through `onDownstreamResult`. */
  call(parent: Call, link: Link): void;
  /** `call`'s component is done with it: answer its caller (and count the outcome unless `record` is false). */
  respond(call: Call, outcome: Outcome, record?: boolean): void;
  /** Starts a new trace (a client request or a queued message's delivery). */
  startTrace(hopsBefore: number, linkedSerial: number): TraceContext;
  /** Creates the root call of a trace, held by `node` itself. */
  rootCall(trace: TraceContext, node: SimNode): Call;
  /** A request or message finished its whole journey (`root.endMs` is now). */
  finishTrace(trace: TraceContext, root: Call, outcome: Outcome): void;
  /** A finished trace's objects may be reused: only once nothing refers to its calls any more. */
  recycleTrace(trace: TraceContext): void;
  /** End-to-end bookkeeping for a new client request. */
  requestStarted(): void;
  /** End-to-end bookkeeping for a finished client request. */
  requestFinished(root: Call, outcome: Outcome): void;
  log(level: LogLevel, event: string, componentId: string | null, message: string, attributes?: Record<string, string | number | boolean>): void;
  /** Like `log`, but at most a few per component, event and bucket (drops, timeouts). */
  logNoisy(event: string, node: SimNode, message: string): void;
}
