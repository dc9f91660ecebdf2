import type { DesignSpec, RunConfigSpec, Summary } from '@architech/sim-engine';

/** What the page asks the preview worker to run. */
export interface PreviewRequest {
  /** Echoed back, so answers to superseded requests are recognised and dropped. */
  readonly generation: number;
  readonly design: DesignSpec;
  readonly config: RunConfigSpec;
}

/** What the worker answers: the summary only (traces, logs and series stay in the worker). */
export type PreviewResponse =
  | { readonly generation: number; readonly ok: true; readonly summary: Summary; readonly events: number; readonly wallMs: number }
  | { readonly generation: number; readonly ok: false; readonly code: string; readonly message: string };
