import { Injectable } from '@nestjs/common';
import type { MetricSeriesDto, SimulationConfig, SimulationRunDto, SimulationSummaryDto, TraceDto } from '@architech/contracts';
import { ServiceClient } from '@architech/service-kit';
import { ENGINE_VERSION, REPORT_SERIES, REPORT_TRACES, reproduceCommand, type ReportFinding, type RunReportInput } from '@architech/sim-engine';
import { AnalysisRepository } from '../analyses/analysis.repository';
import { designHash } from '../checks/design-hash';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository, type SimulationRecord } from '../repositories/simulation.repository';
import { storedSummary } from '../services/simulation-dto';

/** The telemetry service, told apart by injection token. */
export class TelemetryClient extends ServiceClient {}

interface ReportData {
  series: MetricSeriesDto[];
  slowest: TraceDto[];
  failed: TraceDto[];
}

/** The summary's components in the design's order (a jsonb column keeps its keys in an order of its own). */
function inDesignOrder(summary: SimulationSummaryDto, components: readonly { id: string }[]): SimulationSummaryDto {
  const ordered: SimulationSummaryDto['components'] = {};
  for (const { id } of components) if (summary.components[id]) ordered[id] = summary.components[id];
  return { ...summary, components: { ...ordered, ...summary.components } };
}

/** A reason generation stops, shown to the user as the deliverable's error. */
export class ReportUnavailableError extends Error {}

/**
 * Gathers what a run report shows: the run and its result (this service), the design version that
 * ran (designs), its latest review (this service), the charts and traces (telemetry).
 */
@Injectable()
export class ReportSource {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly peers: PeerServicesRepository,
    private readonly analyses: AnalysisRepository,
    private readonly telemetry: TelemetryClient,
  ) {}

  async runReport(simulation: SimulationRecord, generatedAt: Date, onStep: (progress: number, stage: string) => Promise<void>): Promise<RunReportInput> {
    const result = await this.simulations.result(simulation.id);
    if (!result) throw new ReportUnavailableError('the run has no stored result');
    await onStep(15, 'reading the design version');
    const design = await this.peers.designVersion(simulation.designId);
    if (!design) throw new ReportUnavailableError('the design version that ran no longer exists');
    const config = simulation.configuration as unknown as SimulationConfig;
    await onStep(30, 'reading charts and traces');
    const data = simulation.telemetryExpiredAt ? undefined : await this.telemetryData(simulation.id);
    const expired = simulation.telemetryExpiredAt
      ? `The run's series and traces were deleted by retention on ${simulation.telemetryExpiredAt.toISOString().slice(0, 10)} (retention ${simulation.telemetryRetentionDays} days); the summary above is kept.`
      : undefined;
    await onStep(45, 'reading the review');
    const review = await this.latestReview(simulation.designId);
    const files = { designFile: 'design.json', faultsFile: 'faults.json' };
    const { command, note } = reproduceCommand(config, files);
    const settings = result.settings as SimulationRunDto['settings'];
    return {
      runId: simulation.id,
      status: simulation.status,
      generatedAt: generatedAt.toISOString(),
      startedAt: simulation.startedAt?.toISOString() ?? null,
      finishedAt: simulation.finishedAt?.toISOString() ?? null,
      design: { name: design.name, versionId: design.id, version: design.version, contentHash: designHash(design), components: design.components.length, connections: design.connections.length },
      names: Object.fromEntries(design.components.filter((c) => c.name).map((c) => [c.id, c.name!])),
      engineVersion: ENGINE_VERSION,
      config,
      settings,
      replications: result.replications,
      events: result.events,
      wallMs: result.wallMs,
      summary: inDesignOrder(storedSummary(result.summary), design.components),
      ci95: result.ci95 ? inDesignOrder(storedSummary(result.ci95), design.components) : undefined,
      faults: result.faults as RunReportInput['faults'],
      series: data ? REPORT_SERIES.map((s) => ({ title: s.title, unit: s.unit, points: data.series.find((x) => x.metric === s.metric)?.points ?? [] })) : [],
      seriesNote: expired,
      slowest: data?.slowest ?? [],
      failed: data?.failed ?? [],
      tracesNote: expired ?? 'Kept traces of the first replication.',
      ...review,
      reproduce: {
        command,
        note,
        files: [
          { name: files.designFile, json: JSON.stringify({ components: design.components, connections: design.connections }, null, 2) },
          ...(config.faults.length ? [{ name: files.faultsFile, json: JSON.stringify(config.faults, null, 2) }] : []),
        ],
      },
    };
  }

  private async telemetryData(simulationId: string): Promise<ReportData> {
    const query = new URLSearchParams({ metrics: REPORT_SERIES.map((s) => s.metric).join(','), slowest: String(REPORT_TRACES.slowest), failed: String(REPORT_TRACES.failed) });
    const data = await this.telemetry.get<ReportData>(`/internal/telemetry/${encodeURIComponent(simulationId)}/report-data?${query}`);
    if (!data) throw new ReportUnavailableError('the telemetry service does not know this run');
    return data;
  }

  /** Warnings and failures of the latest completed review of the design version, if any. */
  private async latestReview(designId: string): Promise<Pick<RunReportInput, 'findings' | 'reviewNote'>> {
    const review = (await this.analyses.listForDesign(designId, 'review', 20)).find((a) => a.status === 'COMPLETED');
    if (!review) return { reviewNote: 'This design version was not reviewed.' };
    const findings = ((review.result as { findings?: ReportFinding[] } | null)?.findings ?? [])
      .filter((f) => f.outcome === 'warn' || f.outcome === 'fail')
      .map((f) => ({ outcome: f.outcome, severity: f.severity, rule: f.rule, components: f.components, reason: f.reason, remediation: f.remediation }));
    return { findings, reviewNote: `From the review of ${review.createdAt.slice(0, 10)} (${review.id}).` };
  }
}
