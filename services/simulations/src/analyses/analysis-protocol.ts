/** Messages between the analysis runner and its worker thread. */
export type AnalysisJob =
  | { kind: 'review'; design: unknown; simulate: boolean; seed: number; goal?: { hypothesis: unknown[]; run?: Record<string, number> } }
  | { kind: 'refinement'; design: unknown; goal: { hypothesis: unknown[]; run?: Record<string, number>; maxIterations?: number; objective?: 'capacity' | 'cost' }; timeoutMs: number };

export type AnalysisReply =
  | { kind: 'progress'; progress: number; stage: string }
  | { kind: 'entry'; entry: unknown }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; message: string };
