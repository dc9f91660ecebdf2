import type { RequirementVerdict } from '@architech/contracts';
import { checksApi } from '../api/checks';
import { useAsync } from '../ui/use-async';

/** The latest check verdict of each design version of a project (absent: not checked). */
export function useVersionVerdicts(projectId: string, refreshKey: string): Map<string, RequirementVerdict> {
  const history = useAsync((signal) => checksApi.history(projectId, signal).catch(() => undefined), [projectId, refreshKey]);
  return new Map((history.value?.versions ?? []).map((v) => [v.designId, v.verdict]));
}
