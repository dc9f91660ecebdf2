import type { FaultWindowDto, SimulationConfig, SimulationCostDto, SimulationDto, SimulationRunDto, SimulationSummaryDto } from '@architech/contracts';
import type { SimulationRecord, SimulationResultRecord } from '../repositories/simulation.repository';

/**
 * A summary column as read back from Postgres: the engine's summary as it was written, which is the
 * contracts' `SimulationSummaryDto` (the engine's result types are the contracts' formats,
 * checked once by tools/formats/engine-types.check.ts).
 */
export function storedSummary(json: unknown): SimulationSummaryDto {
  return json as SimulationSummaryDto;
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
    telemetryExpiredAt: s.telemetryExpiredAt?.toISOString() ?? null,
    telemetryRetentionDays: s.telemetryRetentionDays,
  };
  if (s.error) dto.error = s.error;
  if (s.status === 'PENDING' && s.queuePosition !== null) dto.queuePosition = s.queuePosition;
  if (result) {
    dto.summary = storedSummary(result.summary);
    if (result.ci95) dto.ci95 = storedSummary(result.ci95);
    // Written from the engine's result.cost, which is the contracts' SimulationCostDto.
    if (result.cost) dto.cost = result.cost as SimulationCostDto;
    dto.result = {
      settings: result.settings as SimulationRunDto['settings'],
      replications: result.replications,
      events: result.events,
      wallMs: result.wallMs,
      faults: result.faults as FaultWindowDto[],
    };
  }
  return dto;
}
