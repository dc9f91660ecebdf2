import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UndecodableMessageError } from '@architech/service-kit';
import type { BatchKind, TelemetryWriter } from './telemetry-writer';

/** What the ingestion thread is started with. */
export interface IngestionThreadData {
  databaseUrl: string;
  schema: string;
  poolSize: number;
  /** The thread's nice value (TELEMETRY_INGESTION_NICE; 0 leaves it at the process's). */
  nice: number;
}

/** The thread's answer to one batch: stored, or why not. */
export interface IngestionReply {
  id: number;
  error?: { name: string; message: string };
}

/** The thread script, when built (under ts-jest only the TypeScript source exists). */
const THREAD = join(__dirname, 'ingestion-thread.js');

/** Whether a thread can be started here (the built script exists). */
export const ingestionThreadAvailable = () => existsSync(THREAD);

/**
 * Hands each batch to the ingestion thread (ingestion-thread.ts) and resolves once it is stored
 * there. The bytes are copied to the thread; an undecodable batch comes back as
 * UndecodableMessageError, so the bus still skips it rather than retrying. If the thread dies, the
 * batches in flight fail (the bus redelivers them) and a new thread takes the next ones.
 */
export class ThreadedWriter implements TelemetryWriter {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(private readonly data: IngestionThreadData) {
    this.worker = this.spawn();
  }

  write(kind: BatchKind, bytes: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('telemetry ingestion is stopping'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, bytes });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.postMessage({ id, kind: 'close' });
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, 5_000).unref())]);
    await this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(THREAD, { workerData: this.data });
    worker.on('message', (reply: IngestionReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (!reply.error) return waiting.resolve();
      const error = reply.error.name === 'UndecodableMessageError' ? new UndecodableMessageError(reply.error.message) : new Error(reply.error.message);
      waiting.reject(error);
    });
    const onDeath = (reason: string) => {
      if (this.worker !== worker) return;
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the telemetry ingestion thread died: ${reason}`));
      this.pending.clear();
      if (!this.closed) this.worker = this.spawn();
    };
    worker.on('error', (error: Error) => onDeath(error.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    return worker;
  }
}
