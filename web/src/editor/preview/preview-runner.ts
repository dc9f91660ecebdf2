import type { DesignSpec, RunConfigSpec, Summary } from '@architech/sim-engine';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

/**
 * Wall-clock time after which a run is abandoned and its worker terminated, ms. Runs are planned at
 * ~250 ms (`PREVIEW_EVENT_TARGET`); the margin covers the first run's worker start-up and a slow
 * machine, and only a design the plan misjudged (retry storms) ever reaches it.
 */
export const PREVIEW_WALL_LIMIT_MS = 1500;

/** How the latest request ended. */
export type PreviewOutcome =
  | { readonly generation: number; readonly kind: 'done'; readonly summary: Summary; readonly events: number; readonly wallMs: number }
  | { readonly generation: number; readonly kind: 'failed'; readonly code: string; readonly message: string };

/** What a {@link PreviewRunner} needs from outside. */
export interface PreviewRunnerOptions {
  /** Starts a worker running `preview.worker.ts`. */
  readonly createWorker: () => Worker;
  /** Called once for the latest request only; superseded requests never report. */
  readonly onOutcome: (outcome: PreviewOutcome) => void;
  readonly wallLimitMs?: number;
}

interface InFlight {
  readonly generation: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Runs previews in one Web Worker, newest request first. The worker handles one run at a time and a
 * run cannot be interrupted from outside, so: a request made while a run is under way waits for it
 * (only the newest waiting request is kept; runs are short), the answer of a superseded run is
 * dropped by its generation number, and a run that outlives the wall limit is stopped by
 * terminating the worker — the next request starts a fresh one. The worker is created on the first
 * request, so a page with the preview off never starts one.
 */
export class PreviewRunner {
  private worker: Worker | undefined;
  private generation = 0;
  private inFlight: InFlight | undefined;
  private waiting: PreviewRequest | undefined;

  constructor(private readonly options: PreviewRunnerOptions) {}

  /** Asks for a run of `design`; returns the request's generation. Earlier requests are superseded. */
  submit(design: DesignSpec, config: RunConfigSpec): number {
    const request: PreviewRequest = { generation: ++this.generation, design, config };
    if (this.inFlight) this.waiting = request;
    else this.post(request);
    return request.generation;
  }

  /** Supersedes every request: nothing reports until the next {@link submit}. */
  cancel(): void {
    this.generation++;
    this.waiting = undefined;
  }

  /** Stops everything for good (the page unmounts). */
  dispose(): void {
    this.cancel();
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.worker?.terminate();
    this.worker = undefined;
  }

  private post(request: PreviewRequest): void {
    const worker = (this.worker ??= this.start());
    const limit = this.options.wallLimitMs ?? PREVIEW_WALL_LIMIT_MS;
    const timer = setTimeout(() => this.abandon(request.generation, limit), limit);
    this.inFlight = { generation: request.generation, timer };
    worker.postMessage(request);
  }

  private start(): Worker {
    const worker = this.options.createWorker();
    worker.addEventListener('message', (event: MessageEvent<PreviewResponse>) => this.answered(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(worker, 'worker_error', event.message || 'the preview worker stopped');
    });
    return worker;
  }

  private answered(response: PreviewResponse): void {
    if (!this.inFlight || response.generation !== this.inFlight.generation) return;
    clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    if (response.generation === this.generation) {
      this.options.onOutcome(
        response.ok
          ? { generation: response.generation, kind: 'done', summary: response.summary, events: response.events, wallMs: response.wallMs }
          : { generation: response.generation, kind: 'failed', code: response.code, message: response.message },
      );
    }
    this.next();
  }

  private abandon(generation: number, limitMs: number): void {
    if (this.inFlight?.generation !== generation || !this.worker) return;
    this.fail(this.worker, 'too_slow', `the preview took longer than ${limitMs / 1000} s and was stopped; run a full simulation instead`);
  }

  /** Ends the run in flight with a failure and throws the worker away. */
  private fail(worker: Worker, code: string, message: string): void {
    worker.terminate();
    if (this.worker === worker) this.worker = undefined;
    const failed = this.inFlight;
    if (failed) clearTimeout(failed.timer);
    this.inFlight = undefined;
    if (failed && failed.generation === this.generation) this.options.onOutcome({ generation: failed.generation, kind: 'failed', code, message });
    this.next();
  }

  private next(): void {
    const request = this.waiting;
    this.waiting = undefined;
    if (request && request.generation === this.generation) this.post(request);
  }
}
