import type { DesignSpec, RunConfigSpec } from '../model/design';
import type { ReplicationOutput, SeriesBucket } from './replication';
import { EventBudgetExceededError, RunPlan, SimulationCancelledError, type ReplicationTask } from './run-plan';

/**
 * A message channel to one engine thread, whatever the host: a Node `worker_threads` Worker (or
 * its `parentPort` on the other side), a Web Worker, or a test double. Messages are structured
 * clones.
 */
export interface EnginePort {
  post(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
  /** The thread died (an uncaught error, or it exited); not needed on the worker's own side. */
  onFailure?(handler: (error: Error) => void): void;
  terminate?(): void;
}

/** What the coordinator asks an engine thread to do. */
export interface TaskMessage {
  kind: 'task';
  id: number;
  design: DesignSpec;
  config: RunConfigSpec;
  task: ReplicationTask;
  /** Events this replication may take before the run's budget is certainly exceeded. */
  budget: number;
  /** One Int32; 1 stops every replication of the run at its next poll. */
  cancelFlag: SharedArrayBuffer;
  /** The host's own cancel flag (one Int32), when it has one: read directly, so it reaches a busy thread. */
  hostCancelFlag?: SharedArrayBuffer;
  /** Whether to post the replication's series buckets as they close. */
  series: boolean;
}

/** What an engine thread answers about task `id`. */
export type TaskReply =
  | { kind: 'progress'; id: number; nowMs: number; events: number }
  | { kind: 'series'; id: number; buckets: SeriesBucket[] }
  | { kind: 'output'; id: number; output: ReplicationOutput }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; code: string; message: string };

/**
 * The engine thread's side: runs each task it is sent and answers with progress (every few
 * thousand events), series buckets when asked, and the replication's output. Call it once in the
 * thread's entry file with the port to the coordinator.
 */
export function serveReplications(port: EnginePort): void {
  port.onMessage((raw) => {
    const message = raw as TaskMessage;
    if (message.kind !== 'task') return;
    const { id, task } = message;
    const flags = [message.cancelFlag, message.hostCancelFlag].flatMap((b) => (b ? [new Int32Array(b)] : []));
    let buckets: SeriesBucket[] = [];
    const flush = () => {
      if (buckets.length === 0) return;
      port.post({ kind: 'series', id, buckets } satisfies TaskReply);
      buckets = [];
    };
    try {
      const plan = new RunPlan(message.design, message.config);
      const output = plan.run(
        task,
        (nowMs, events) => {
          if (events > message.budget) throw new EventBudgetExceededError(plan.budget);
          if (flags.some((flag) => Atomics.load(flag, 0) === 1)) return false;
          flush();
          port.post({ kind: 'progress', id, nowMs, events } satisfies TaskReply);
          return true;
        },
        message.series ? (bucket) => buckets.push(bucket) : undefined,
      );
      flush();
      port.post((output ? { kind: 'output', id, output } : { kind: 'cancelled', id }) satisfies TaskReply);
    } catch (error) {
      const code = error instanceof EventBudgetExceededError ? error.code : 'engine_error';
      port.post({ kind: 'failed', id, code, message: error instanceof Error ? error.message : String(error) } satisfies TaskReply);
    }
  });
}

/** A task failed on its engine thread; `code` is the engine error's own or `engine_error`. */
export class ReplicationFailedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  port: EnginePort;
  resolve(output: ReplicationOutput): void;
  reject(error: Error): void;
  onProgress(nowMs: number, events: number): void;
  onSeries?(buckets: SeriesBucket[]): void;
}

/**
 * A fixed number of engine threads, spawned on first use, each running one replication at a
 * time. `close` ends them.
 */
export class ReplicationPool {
  private readonly idle: EnginePort[] = [];
  private readonly waiting: ((port: EnginePort) => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly ports: EnginePort[] = [];
  private nextId = 0;

  constructor(
    readonly size: number,
    private readonly spawn: () => EnginePort,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a replication pool needs at least one thread (got ${size})`);
  }

  /** Runs one replication on the next free thread. */
  run(message: Omit<TaskMessage, 'kind' | 'id'>, onProgress: Pending['onProgress'], onSeries?: Pending['onSeries']): Promise<ReplicationOutput> {
    return this.acquire().then(
      (port) =>
        new Promise<ReplicationOutput>((resolve, reject) => {
          const id = this.nextId++;
          const release = () => {
            this.pending.delete(id);
            this.releasePort(port);
          };
          this.pending.set(id, {
            port,
            resolve: (output) => (release(), resolve(output)),
            reject: (error) => (release(), reject(error)),
            onProgress,
            onSeries,
          });
          port.post({ kind: 'task', id, ...message } satisfies TaskMessage);
        }),
    );
  }

  /** Ends every thread; tasks still running fail. */
  close(): void {
    for (const port of this.ports) port.terminate?.();
    this.ports.length = 0;
    this.idle.length = 0;
    for (const [, p] of this.pending) p.reject(new ReplicationFailedError('engine_error', 'the replication pool was closed'));
    this.pending.clear();
  }

  private acquire(): Promise<EnginePort> {
    const port = this.idle.pop();
    if (port) return Promise.resolve(port);
    if (this.ports.length < this.size) return Promise.resolve(this.start());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releasePort(port: EnginePort): void {
    if (!this.ports.includes(port)) return;
    const next = this.waiting.shift();
    if (next) next(port);
    else this.idle.push(port);
  }

  private start(): EnginePort {
    const port = this.spawn();
    this.ports.push(port);
    port.onMessage((raw) => {
      const reply = raw as TaskReply;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') p.onProgress(reply.nowMs, reply.events);
      else if (reply.kind === 'series') p.onSeries?.(reply.buckets);
      else if (reply.kind === 'output') p.resolve(reply.output);
      else if (reply.kind === 'cancelled') p.reject(new SimulationCancelledError());
      else p.reject(new ReplicationFailedError(reply.code, reply.message));
    });
    port.onFailure?.((error) => {
      // The thread is gone: fail whatever it was running and never hand it out again.
      const index = this.ports.indexOf(port);
      if (index >= 0) this.ports.splice(index, 1);
      const idleAt = this.idle.indexOf(port);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      for (const [, p] of this.pending) if (p.port === port) p.reject(new ReplicationFailedError('engine_error', `an engine thread failed: ${error.message}`));
      const next = this.waiting.shift();
      if (next) next(this.start());
    });
    return port;
  }
}

/** A timer, as both Node and browsers have it (the engine's lib declares no host globals). */
declare const setTimeout: (callback: () => void, ms: number) => unknown;

/**
 * An {@link EnginePort} whose engine runs on the caller's own thread: a coordinator that would
 * otherwise only wait can run replications too. Messages are handed over as macrotasks, so the
 * thread reads its other ports between two replications.
 */
export function localEnginePort(): EnginePort {
  const toEngine: ((message: unknown) => void)[] = [];
  const toHost: ((message: unknown) => void)[] = [];
  const later = (handlers: ((message: unknown) => void)[], message: unknown) => setTimeout(() => handlers.forEach((h) => h(message)), 0);
  serveReplications({ post: (m) => later(toHost, m), onMessage: (h) => toEngine.push(h) });
  return { post: (m) => later(toEngine, m), onMessage: (h) => toHost.push(h) };
}

/** The part of a Node `worker_threads` Worker (or its `parentPort`) an {@link EnginePort} needs. */
export interface NodeMessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  /** A MessagePort's end: the thread on its other side closed it or died. */
  on(event: 'close', listener: () => void): unknown;
  terminate?(): unknown;
  close?(): unknown;
}

/**
 * An {@link EnginePort} over a Node Worker (host side) or `parentPort` (thread side), typed
 * structurally so the engine stays free of Node imports.
 */
export function nodeEnginePort(port: NodeMessagePortLike): EnginePort {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (handler) => void port.on('message', handler),
    onFailure: (handler) => {
      port.on('error', handler);
      port.on('exit', (code) => handler(new Error(`the engine thread exited (code ${code})`)));
      port.on('close', () => handler(new Error('the engine thread closed its port')));
    },
    terminate: () => void (port.terminate ? port.terminate() : port.close?.()),
  };
}
