import type { SimulationRecord, SimulationResultRecord } from '../repositories/simulation.repository';

/** A simulation as the API answers it (ARCHITECTURE.md §6). */
export interface SimulationDto {
  id: string;
  designId: string;
  projectId: string;
  status: SimulationRecord['status'];
  progress: number;
  configuration: Record<string, unknown>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error?: string;
  /** The engine's result summary (§5), once COMPLETED. */
  summary?: unknown;
  ci95?: unknown;
  result?: { settings: unknown; replications: number; events: number; wallMs: number; faults: unknown };
}

export function toSimulationDto(s: SimulationRecord, result?: SimulationResultRecord): SimulationDto {
  const dto: SimulationDto = {
    id: s.id,
    designId: s.designId,
    projectId: s.projectId,
    status: s.status,
    progress: s.progress,
    configuration: s.configuration,
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
  if (s.error) dto.error = s.error;
  if (result) {
    dto.summary = result.summary;
    if (result.ci95) dto.ci95 = result.ci95;
    dto.result = { settings: result.settings, replications: result.replications, events: result.events, wallMs: result.wallMs, faults: result.faults };
  }
  return dto;
}
