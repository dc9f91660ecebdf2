import type { CheckHistoryDto, CheckRunDto, RequirementDto, RequirementInput } from '@architech/contracts';
import { request } from './http';

const enc = encodeURIComponent;

/** Requirements and check runs (docs/api.md "Requirements and check runs", docs/checks.md). */
export const checksApi = {
  listRequirements: (projectId: string) => request<{ requirements: RequirementDto[] }>('GET', `/projects/${enc(projectId)}/requirements`).then((r) => r.requirements),
  createRequirement: (projectId: string, body: RequirementInput) => request<RequirementDto>('POST', `/projects/${enc(projectId)}/requirements`, body),
  updateRequirement: (projectId: string, id: string, body: RequirementInput) => request<RequirementDto>('PUT', `/projects/${enc(projectId)}/requirements/${enc(id)}`, body),
  deleteRequirement: (projectId: string, id: string) => request<void>('DELETE', `/projects/${enc(projectId)}/requirements/${enc(id)}`),
  /** Starts a check run of every requirement of the version's project (202; it runs in the background). */
  check: (designId: string) => request<{ id: string; status: 'RUNNING' }>('POST', `/designs/${enc(designId)}/checks`, {}),
  getCheckRun: (id: string, signal?: AbortSignal) => request<CheckRunDto>('GET', `/checks/${enc(id)}`, undefined, signal),
  listCheckRuns: (projectId: string, signal?: AbortSignal) => request<{ checkRuns: CheckRunDto[] }>('GET', `/projects/${enc(projectId)}/checks`, undefined, signal).then((r) => r.checkRuns),
  history: (projectId: string, signal?: AbortSignal) => request<CheckHistoryDto>('GET', `/projects/${enc(projectId)}/checks/history`, undefined, signal),
};
