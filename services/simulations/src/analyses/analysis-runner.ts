import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { AnalysisJob, AnalysisReply } from './analysis-protocol';
import { AnalysisRepository } from './analysis.repository';

/** Analyses running at once in this instance; more wait in order. */
export const ANALYSIS_CONCURRENCY = 1;
/** Progress is written at most this often (the timeline on every entry). */
const PROGRESS_WRITE_MS = 250;
/** Heap of an analysis thread, MB. */
const THREAD_MEMORY_MB = 512;

/**
 * Runs reviews and refinements, one worker thread each (the engine is synchronous), at most
 * {@link ANALYSIS_CONCURRENCY} at a time; progress, the refine timeline and the result go to the
 * repository, which the API and the event stream read.
 */
@Injectable()
export class AnalysisRunner implements OnModuleDestroy {
  private readonly waiting: { id: string; job: AnalysisJob }[] = [];
  private readonly running = new Set<Worker>();

  constructor(private readonly analyses: AnalysisRepository) {}

  submit(id: string, job: AnalysisJob): void {
    this.waiting.push({ id, job });
    this.next();
  }

  private next(): void {
    while (this.running.size < ANALYSIS_CONCURRENCY && this.waiting.length > 0) {
      const { id, job } = this.waiting.shift()!;
      this.start(id, job);
    }
  }

  private start(id: string, job: AnalysisJob): void {
    const worker = new Worker(join(__dirname, 'analysis-thread.js'), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: THREAD_MEMORY_MB } });
    this.running.add(worker);
    const timeline: unknown[] = [];
    let lastWrite = 0;
    let current = { progress: 0, stage: 'starting' };
    let writes = Promise.resolve();
    let settled = false;
    const write = (f: () => Promise<void>) => (writes = writes.then(f).catch(() => undefined));
    const settle = (outcome: { result: unknown } | { error: string }) => {
      if (settled) return;
      settled = true;
      write(() => this.analyses.finish(id, 'result' in outcome && job.kind === 'refinement' ? { ...outcome, timeline } : outcome));
      this.running.delete(worker);
      void worker.terminate();
      this.next();
    };
    worker.on('message', (reply: AnalysisReply) => {
      if (reply.kind === 'entry') {
        timeline.push(reply.entry);
        const snapshot = [...timeline];
        const { progress, stage } = current;
        write(() => this.analyses.progress(id, progress, stage, snapshot));
      } else if (reply.kind === 'progress') {
        current = { progress: reply.progress, stage: reply.stage };
        const now = Date.now();
        if (now - lastWrite < PROGRESS_WRITE_MS && reply.progress > 0) return;
        lastWrite = now;
        write(() => this.analyses.progress(id, reply.progress, reply.stage, job.kind === 'refinement' ? [...timeline] : undefined));
      } else if (reply.kind === 'done') settle({ result: reply.result });
      else settle({ error: reply.message });
    });
    worker.on('error', (error) => settle({ error: `analysis thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `analysis thread exited (${code})` }));
  }

  async onModuleDestroy(): Promise<void> {
    this.waiting.length = 0;
    await Promise.all([...this.running].map((w) => w.terminate()));
  }
}
