import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy, type PipeTransform } from '@nestjs/common';
import { ApiException } from '@architech/service-kit';
import { invalidJsonMessage } from '@architech/service-kit/json-text';
import { readSaveBody, readSaveBytes, type PreparedSave, type SaveReading, type SaveRefusal } from './save-design-request';
import type { SaveThreadReply } from './save-design-thread';

/** The thread script, when built (under ts-jest only the TypeScript source exists). */
const THREAD = join(__dirname, 'save-design-thread.js');

/** The 400 a refused body gets: the JSON parser's answer for bad JSON, else the field-naming validation error. */
export function refusalError(refusal: SaveRefusal): ApiException {
  return refusal.kind === 'invalid_json' ? new ApiException(400, 'invalid_json', invalidJsonMessage(refusal.message)) : ApiException.validation(refusal.what, refusal.issues);
}

function accepted(reading: SaveReading): PreparedSave {
  if (!reading.ok) throw refusalError(reading.refusal);
  return reading.save;
}

/** Reads an already parsed save body on this thread (an import's generated design). */
export function readSaveDesign(body: unknown): PreparedSave {
  return accepted(readSaveBody(body));
}

interface Thread {
  worker: Worker;
  pending: Map<number, { bytes: Buffer; resolve: (reading: SaveReading) => void; reject: (error: Error) => void }>;
}

/**
 * Reads save bodies — a 200-component design is ~60 kB of JSON whose parse, schema check, graph
 * rules and serialisation cost a few milliseconds of CPU — on `threads` worker threads
 * (`DESIGN_SAVE_THREADS`), so the main thread keeps answering other requests meanwhile. The route
 * receives the body as raw bytes (create-app.ts); a parsed body, 0 threads or a build without
 * the thread script read inline, with the same function. A thread that dies is replaced; the
 * bodies it held are read inline.
 */
@Injectable()
export class SaveDesignReader implements OnModuleDestroy {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;
  /** Bodies read on a thread and on the main thread (tests, diagnostics). */
  readonly counts = { thread: 0, inline: 0 };

  constructor(threadCount: number) {
    if (threadCount > 0 && existsSync(THREAD)) for (let i = 0; i < threadCount; i++) this.threads.push(this.spawn());
  }

  /** The body read and checked; a refused one throws the 400 the JSON middleware and the schema would give. */
  async read(body: unknown): Promise<PreparedSave> {
    const thread = Buffer.isBuffer(body) ? this.leastBusy() : undefined;
    if (!thread) {
      this.counts.inline++;
      return Buffer.isBuffer(body) ? accepted(readSaveBytes(body)) : readSaveDesign(body);
    }
    this.counts.thread++;
    const id = this.nextId++;
    const bytes = body as Buffer;
    const reading = await new Promise<SaveReading>((resolve, reject) => {
      thread.pending.set(id, { bytes, resolve, reject });
      // Transferred, not cloned: cloning a 60-kB Buffer costs ~0.2 ms of this thread, a copy
      // to transfer ~0.01 ms (the original stays here for a thread that dies).
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      thread.worker.postMessage({ id, bytes: copy }, [copy.buffer]);
    });
    return accepted(reading);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private leastBusy(): Thread | undefined {
    let best: Thread | undefined;
    for (const thread of this.threads) if (!best || thread.pending.size < best.pending.size) best = thread;
    return best;
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(THREAD), pending: new Map() };
    thread.worker.unref();
    thread.worker.on('message', (reply: SaveThreadReply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`reading the design failed: ${reply.error}`));
      else waiting.resolve(reply.reading);
    });
    const onDeath = () => {
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      if (this.closed) this.threads.splice(index, 1);
      else this.threads[index] = this.spawn();
      for (const waiting of thread.pending.values()) {
        this.counts.inline++;
        try {
          waiting.resolve(readSaveBytes(waiting.bytes));
        } catch (error) {
          waiting.reject(error as Error);
        }
      }
      thread.pending.clear();
    };
    thread.worker.on('error', onDeath);
    thread.worker.on('exit', onDeath);
    return thread;
  }
}

/** The pipe of `POST /api/projects/:projectId/designs`: the body (raw bytes or parsed) to a {@link PreparedSave}. */
@Injectable()
export class SaveDesignPipe implements PipeTransform<unknown, Promise<PreparedSave>> {
  constructor(private readonly reader: SaveDesignReader) {}

  transform(body: unknown): Promise<PreparedSave> {
    return this.reader.read(body);
  }
}
