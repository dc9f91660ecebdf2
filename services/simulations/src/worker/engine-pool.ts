import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { SeriesBucket, SimulationProgress } from '@architech/sim-engine';
import type { RunRequest, WorkerReply } from './worker-protocol';

export type RunOutcome =
  | { kind: 'done'; resultJson: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };

/** A run handed to the pool: its outcome, and a way to stop it. */
export interface PoolRun {
  outcome: Promise<RunOutcome>;
  cancel(): void;
}

interface Slot {
  worker: Worker;
  busy: { runId: number; settle: (o: RunOutcome) => void; onProgress: (p: SimulationProgress) => void; onSeries: (b: SeriesBucket[]) => void } | null;
}

/**
 * A fixed pool of engine threads, one simulation each at a time; runs wait in FIFO order for a
 * free thread. A thread that dies (out of memory, crash) fails its run with the reason and is
 * replaced, so the pool keeps its size.
 */
export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { request: Omit<RunRequest, 'kind'>; settle: (o: RunOutcome) => void; onProgress: (p: SimulationProgress) => void; onSeries: (b: SeriesBucket[]) => void }[] = [];
  private nextRunId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly memoryLimitMb: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Queues a run; progress and the first replication's series arrive through the callbacks while it runs. */
  run(design: unknown, config: unknown, onProgress: (p: SimulationProgress) => void, onSeries: (b: SeriesBucket[]) => void = () => undefined): PoolRun {
    const cancelFlag = new SharedArrayBuffer(4);
    const request = { runId: this.nextRunId++, design, config, cancelFlag };
    const outcome = new Promise<RunOutcome>((settle) => {
      this.waiting.push({ request, settle, onProgress, onSeries });
    });
    this.dispatch();
    return {
      outcome,
      cancel: () => {
        Atomics.store(new Int32Array(cancelFlag), 0, 1);
        const index = this.waiting.findIndex((w) => w.request.runId === request.runId);
        if (index >= 0) this.waiting.splice(index, 1)[0].settle({ kind: 'cancelled' });
      },
    };
  }

  /** Stops every thread; queued and running runs end with the `shutting_down` failure. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping: RunOutcome = { kind: 'failed', code: 'shutting_down', message: 'the service is shutting down' };
    for (const w of this.waiting.splice(0)) w.settle(stopping);
    for (const slot of this.slots) {
      slot.busy?.settle(stopping);
      slot.busy = null;
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(join(__dirname, 'engine-thread.js'), { resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.runId !== reply.runId) return;
      if (reply.kind === 'progress') {
        busy.onProgress(reply.progress);
        return;
      }
      if (reply.kind === 'series') {
        busy.onSeries(reply.buckets);
        return;
      }
      slot.busy = null;
      busy.settle(reply.kind === 'done' ? { kind: 'done', resultJson: reply.resultJson } : reply.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', code: reply.code, message: reply.message });
      this.dispatch();
    });
    const onDeath = (reason: string) => {
      if (!this.slots.includes(slot)) return;
      const busy = slot.busy;
      slot.busy = null;
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
    for (const slot of this.slots) {
      if (slot.busy || this.waiting.length === 0) continue;
      const next = this.waiting.shift()!;
      slot.busy = { runId: next.request.runId, settle: next.settle, onProgress: next.onProgress, onSeries: next.onSeries };
      const message: RunRequest = { kind: 'run', ...next.request };
      slot.worker.postMessage(message);
    }
  }
}
