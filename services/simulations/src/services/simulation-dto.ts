import type { SimulationConfig, SimulationDto, SimulationRunDto, SimulationSummaryDto } from '@architech/contracts';
import type { SimulationResult, Summary } from '@architech/sim-engine';
import type { SimulationRecord, SimulationResultRecord } from '../repositories/simulation.repository';

/**
 * The stored result is the engine's JSON (`SimulationResult`); these identities make the compiler
 * check that the engine's shapes still fit the API contract, which cannot import the engine.
 */
const asSummary = (summary: Summary): SimulationSummaryDto => summary;
const asRun = (run: Pick<SimulationResult, 'settings' | 'replications' | 'events' | 'wallMs' | 'faults'>): SimulationRunDto => run;

/** A summary column as read back from Postgres, typed as what was written (see {@link asSummary}). */
export function storedSummary(json: unknown): SimulationSummaryDto {
  return asSummary(json as Summary);
}

export function toSimulationDto(s: SimulationRecord, result?: SimulationResultRecord): SimulationDto {
  const dto: SimulationDto = {
    id: s.id,
    designId: s.designId,
    projectId: s.projectId,
    status: s.status,
    progress: s.progress,
    // Validated by validateSimulationConfig before it was stored.
    configuration: s.configuration as unknown as SimulationConfig,
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
    telemetryComplete: s.telemetryCompleteAt !== null,
    telemetryCompleteAt: s.telemetryCompleteAt?.toISOString() ?? null,
  };
  if (s.error) dto.error = s.error;
  if (s.status === 'PENDING' && s.queuePosition !== null) dto.queuePosition = s.queuePosition;
  if (result) {
    dto.summary = storedSummary(result.summary);
    if (result.ci95) dto.ci95 = storedSummary(result.ci95);
    dto.result = asRun({
      settings: result.settings as SimulationResult['settings'],
      replications: result.replications,
      events: result.events,
      wallMs: result.wallMs,
      faults: result.faults as SimulationResult['faults'],
    });
  }
  return dto;
}
