import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import type { PriceOverride, ResolvedDesign, SimulationConfig } from '@architech/contracts';
import type { SimulationProgress } from '@architech/sim-engine';
import type { FinalTelemetry, LiveTelemetry } from '../services/final-telemetry';
import type { LendRequest, RunRequest, WorkerReply } from './worker-protocol';

export type RunOutcome =
  /** `telemetry` when the run asked for it ({@link RunOptions.telemetryFor}); `resultJson` then lacks series, traces and logs. */
  | { kind: 'done'; resultJson: string; telemetry?: FinalTelemetry }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };

/** A run handed to the pool: its outcome, and a way to stop it. */
export interface PoolRun {
  outcome: Promise<RunOutcome>;
  cancel(): void;
}

interface Slot {
  worker: Worker;
  busy: { runId: number; settle: (o: RunOutcome) => void; onProgress: (p: SimulationProgress) => void; onLive: (live: LiveTelemetry) => void } | null;
  /** The run whose replications this thread is serving while lent; null when not lent. */
  lentTo: number | null;
}

/** How a run is queued: whose it is (runs are served round-robin between owners) and what to do once a thread takes it. */
export interface RunOptions {
  /** The user the run belongs to: waiting runs are served round-robin between owners. */
  owner: string;
  /** Called when an engine thread takes the run (not before: a waiting run is not running). */
  onStart?: () => void;
  /** Encode the finished run's telemetry for this simulation id on the engine thread (see RunRequest). */
  telemetryFor?: string;
  /** The project's price overrides the result's `cost` is computed with (over the list prices). */
  priceOverrides?: PriceOverride[];
  /** Encode the first replication's series for this simulation id on the engine thread while the run goes on (see RunRequest). */
  liveFor?: string;
}

interface Waiting {
  request: Omit<RunRequest, 'kind'>;
  owner: string;
  settle: (o: RunOutcome) => void;
  onProgress: (p: SimulationProgress) => void;
  onLive: (live: LiveTelemetry) => void;
  onStart?: () => void;
}

/**
 * A fixed pool of engine threads, one simulation each at a time. Runs wait in one queue per owner
 * (user), and a free thread takes the next run of the next owner in turn (round-robin), so one
 * user's many runs cannot keep another user's run waiting behind all of them. When a run with
 * several replications starts and nothing else waits, the idle threads are lent to it for its
 * replications (results are identical to a one-thread run) and come back when it ends; runs
 * queued meanwhile wait for them. A thread that dies (out of memory, crash) fails its run with the
 * reason and is replaced, so the pool keeps its size.
 */
export class EnginePool {
  private readonly slots: Slot[] = [];
  /** Waiting runs per owner, in arrival order; owners in the order they are served. */
  private readonly queues = new Map<string, Waiting[]>();
  private nextRunId = 1;
  private closed = false;
  private queueListener: (() => void) | undefined;

  constructor(
    size: number,
    private readonly memoryLimitMb: number,
    /** The engine threads' nice value (0 normal … 19 lowest; Linux): see thread-priority.ts. */
    private readonly nice = 0,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Called whenever the waiting runs change (a run queued, taken or cancelled). */
  onQueueChange(listener: () => void): void {
    this.queueListener = listener;
  }

  /**
   * Queues a run; `options.onStart` is called when a thread takes it, then progress and (with
   * `options.liveFor`) the first replication's series, encoded, arrive through the callbacks. `runId` names it in {@link positions}.
   */
  run(design: ResolvedDesign, config: SimulationConfig, onProgress: (p: SimulationProgress) => void, onLive: (live: LiveTelemetry) => void = () => undefined, options: RunOptions = { owner: '' }): PoolRun & { runId: number } {
    const cancelFlag = new SharedArrayBuffer(4);
    const request = { runId: this.nextRunId++, design, config, cancelFlag, ...(options.telemetryFor !== undefined ? { telemetryFor: options.telemetryFor } : {}), ...(options.liveFor !== undefined ? { liveFor: options.liveFor } : {}), ...(options.priceOverrides?.length ? { priceOverrides: options.priceOverrides } : {}) };
    const outcome = new Promise<RunOutcome>((settle) => {
      const queue = this.queues.get(options.owner) ?? [];
      queue.push({ request, owner: options.owner, settle, onProgress, onLive, onStart: options.onStart });
      this.queues.set(options.owner, queue);
    });
    this.dispatch();
    this.queueListener?.();
    return {
      runId: request.runId,
      outcome,
      cancel: () => {
        Atomics.store(new Int32Array(cancelFlag), 0, 1);
        const queue = this.queues.get(options.owner);
        const index = queue?.findIndex((w) => w.request.runId === request.runId) ?? -1;
        if (queue && index >= 0) {
          queue.splice(index, 1)[0].settle({ kind: 'cancelled' });
          if (queue.length === 0) this.queues.delete(options.owner);
          this.queueListener?.();
        }
      },
    };
  }

  /**
   * 1-based places of the waiting runs in the order threads will take them (owners in turn, each
   * owner's runs in arrival order), by run id.
   */
  positions(): Map<number, number> {
    const places = new Map<number, number>();
    const queues = [...this.queues.values()];
    let place = 1;
    for (let round = 0; queues.some((q) => q.length > round); round++) {
      for (const queue of queues) if (queue.length > round) places.set(queue[round].request.runId, place++);
    }
    return places;
  }

  /** Stops every thread; queued and running runs end with the `shutting_down` failure. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping: RunOutcome = { kind: 'failed', code: 'shutting_down', message: 'the service is shutting down' };
    for (const queue of this.queues.values()) for (const w of queue) w.settle(stopping);
    this.queues.clear();
    for (const slot of this.slots) {
      slot.busy?.settle(stopping);
      slot.busy = null;
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(join(__dirname, 'engine-thread.js'), { workerData: { nice: this.nice }, resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    const slot: Slot = { worker, busy: null, lentTo: null };
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.runId !== reply.runId) return;
      if (reply.kind === 'progress') {
        busy.onProgress(reply.progress);
        return;
      }
      if (reply.kind === 'live') {
        busy.onLive(reply.live);
        return;
      }
      slot.busy = null;
      for (const other of this.slots) if (other.lentTo === busy.runId) other.lentTo = null;
      busy.settle(reply.kind === 'done' ? { kind: 'done', resultJson: reply.resultJson, ...(reply.telemetry ? { telemetry: reply.telemetry } : {}) } : reply.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', code: reply.code, message: reply.message });
      this.dispatch();
    });
    const onDeath = (reason: string) => {
      if (!this.slots.includes(slot)) return;
      const busy = slot.busy;
      slot.busy = null;
      if (busy) for (const other of this.slots) if (other.lentTo === busy.runId) other.lentTo = null;
      busy?.settle({ kind: 'failed', code: 'worker_crashed', message: `the engine thread died: ${reason}` });
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      this.dispatch();
    };
    worker.on('error', (error: Error & { code?: string }) => onDeath(error.code ? `${error.code}: ${error.message}` : error.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return slot;
  }

  private dispatch(): void {
    let changed = false;
    for (const slot of this.slots) {
      if (slot.busy || slot.lentTo !== null) continue;
      const next = this.takeNext();
      if (!next) break;
      changed = true;
      slot.busy = { runId: next.request.runId, settle: next.settle, onProgress: next.onProgress, onLive: next.onLive };
      const helpers = this.lend(slot, next.request);
      const message: RunRequest = { kind: 'run', ...next.request, helpers };
      slot.worker.postMessage(message, helpers);
      next.onStart?.();
    }
    if (changed) this.queueListener?.();
  }

  /**
   * Lends idle threads to a run that starts while nothing else waits, at most one per replication
   * beyond the first; returns the ports the run's thread talks to them through.
   */
  private lend(runner: Slot, request: Omit<RunRequest, 'kind'>): MessagePort[] {
    if (this.queues.size > 0) return [];
    const ports: MessagePort[] = [];
    const wanted = replicationsOf(request.config) - 1;
    for (const slot of this.slots) {
      if (ports.length >= wanted) break;
      if (slot === runner || slot.busy || slot.lentTo !== null) continue;
      const channel = new MessageChannel();
      slot.lentTo = request.runId;
      const lend: LendRequest = { kind: 'lend', port: channel.port1 };
      slot.worker.postMessage(lend, [channel.port1]);
      ports.push(channel.port2);
    }
    return ports;
  }

  /** The first run of the owner served next; that owner goes to the back of the rotation. */
  private takeNext(): Waiting | undefined {
    for (const [owner, queue] of this.queues) {
      const next = queue.shift();
      this.queues.delete(owner);
      if (queue.length > 0) this.queues.set(owner, queue);
      if (next) return next;
    }
    return undefined;
  }
}

/** Replications a run may use at most: its count, or the stopping rule's ceiling. */
function replicationsOf(config: unknown): number {
  const c = (config ?? {}) as { replications?: unknown; maxReplications?: unknown; targetRelError?: unknown };
  const planned = typeof c.replications === 'number' ? c.replications : 1;
  return c.targetRelError !== undefined && typeof c.maxReplications === 'number' ? Math.max(planned, c.maxReplications) : planned;
}
