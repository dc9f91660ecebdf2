import { useState } from 'react';
import { type HypothesisCondition, type SimulationConfigInput } from '@architech/contracts';
import { checksApi } from '../api/checks';
import { ApiError, describeError } from '../api/api-error';
import { toast } from '../ui/toasts';

/**
 * "Save as requirement" in the launcher: the hypothesis becomes the criteria and the launcher's
 * settings (duration, warm-up, seed, replications, workload, faults) the scenario.
 */
export function SaveAsRequirement({ projectId, config, hypothesis, disabled }: { projectId: string; config: SimulationConfigInput; hypothesis: readonly HypothesisCondition[]; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [statement, setStatement] = useState('');
  const [problem, setProblem] = useState<string>();
  const save = async () => {
    const { hypothesis: _h, tracing: _t, ...scenario } = config;
    try {
      await checksApi.createRequirement(projectId, { id: id.trim(), statement, tags: [], scenario: { ...scenario, replications: Math.max(2, scenario.replications ?? 1) }, criteria: hypothesis.map((c) => ({ ...c })) });
      toast(`${id.trim()} saved: the project's Requirements page checks it on every version`);
      setOpen(false);
      setProblem(undefined);
    } catch (e) {
      setProblem(e instanceof ApiError && e.issues.length > 0 ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : describeError(e));
    }
  };
  if (!open) {
    return (
      <button type="button" disabled={disabled || hypothesis.length === 0} onClick={() => setOpen(true)} title="Keep this scenario and hypothesis as a requirement checked on every version">
        Save as requirement…
      </button>
    );
  }
  return (
    <span className="row save-as-requirement" role="group" aria-label="Save as requirement">
      <input aria-label="Requirement id" placeholder="REQ-0001" value={id} onChange={(e) => setId(e.target.value)} style={{ width: 100 }} />
      <input aria-label="Requirement statement" placeholder="What must hold, in words" value={statement} onChange={(e) => setStatement(e.target.value)} />
      <button type="button" className="primary" onClick={() => void save()}>
        Save requirement
      </button>
      <button type="button" className="ghost" onClick={() => setOpen(false)}>
        ✕
      </button>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </span>
  );
}
