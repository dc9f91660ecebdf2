import type { FaultWindowDto, SimulationConfig, SimulationRunDto, SimulationSummaryDto, TraceDto } from '@architech/contracts';

/** One chart of the report: an end-to-end series, points at bucket starts (simulated seconds). */
export interface ReportSeries {
  title: string;
  unit: string;
  points: { timeSec: number; value: number }[];
}

/** A review finding as the report lists it (warnings and failures; passes are left out). */
export interface ReportFinding {
  outcome: 'warn' | 'fail';
  severity: string;
  rule: string;
  components: string[];
  reason: string;
  remediation?: string;
}

/** What the design version that ran is, so a reader can tell exactly what was simulated. */
export interface ReportDesign {
  name: string;
  /** The design version's id (API), absent from the CLI. */
  versionId?: string;
  /** The version number within the design, when known. */
  version?: number;
  /** `sha256:…` of the version's components and connections. */
  contentHash: string;
  components: number;
  connections: number;
}

/**
 * Everything a run report shows. The renderer is pure: every figure, the generation time and the
 * reproduce command are passed in (the CLI and the simulations service each gather them).
 */
export interface RunReportInput {
  runId?: string;
  status: string;
  /** ISO time the report was made (the caller's clock). */
  generatedAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  design: ReportDesign;
  /** Component names by id, as the canvas shows them (ids without a name are shown as they are). */
  names?: Record<string, string>;
  engineVersion: string;
  config: SimulationConfig;
  settings: SimulationRunDto['settings'];
  replications: number;
  events: number;
  wallMs: number;
  summary: SimulationSummaryDto;
  ci95?: SimulationSummaryDto;
  faults: FaultWindowDto[];
  /** The key charts; empty when the run's telemetry is gone (then `seriesNote` says why). */
  series: ReportSeries[];
  seriesNote?: string;
  /** The slowest and the failed kept traces, with their spans. */
  slowest: TraceDto[];
  failed: TraceDto[];
  tracesNote?: string;
  /** Review findings of the design version, when a review was made. */
  findings?: ReportFinding[];
  reviewNote?: string;
  /** The command that reproduces the run, and the files it names (their JSON, embedded). */
  reproduce: { command: string; files: { name: string; json: string }[]; note?: string };
}
