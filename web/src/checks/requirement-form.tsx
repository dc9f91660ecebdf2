import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CHECK_LIMITS, validateDesign, validateRequirement, type Criterion, type FaultType, type RequirementDto, type RequirementInput, type ValidationIssue } from '@architech/contracts';
import { api } from '../api/endpoints';
import { ApiError, describeError } from '../api/api-error';
import { checksApi } from '../api/checks';
import { FaultDetails } from '../simulation/launcher/fault-details';
import { newFault, toFault, type DraftFault, type FaultTarget } from '../simulation/launcher/fault-model';
import { FaultTimeline } from '../simulation/launcher/fault-timeline';
import { useAsync } from '../ui/use-async';
import { CriteriaEditor } from './criteria-editor';

/** Props of {@link RequirementForm}. */
export interface RequirementFormProps {
  readonly projectId: string;
  /** Editing this one; a new requirement otherwise. */
  readonly initial?: RequirementDto;
  /** The id a new requirement gets, e.g. the next free REQ number. */
  readonly suggestedId: string;
  readonly onSaved: (r: RequirementDto) => void;
  readonly onCancel: () => void;
}

/**
 * A requirement: id, statement, tags, the scenario (run settings and the launcher's fault timeline,
 * on the components of a design of the project) and its criteria. Validated in the browser with
 * the API's own rules against the chosen design before it is sent.
 */
export function RequirementForm(p: RequirementFormProps) {
  const init = p.initial;
  const [id, setId] = useState(init?.id ?? p.suggestedId);
  const [statement, setStatement] = useState(init?.statement ?? '');
  const [tags, setTags] = useState((init?.tags ?? []).join(', '));
  const [durationSec, setDurationSec] = useState(String(init?.scenario.durationSec ?? 120));
  const [warmup, setWarmup] = useState(String(init?.scenario.warmupSec ?? 10));
  const [replications, setReplications] = useState(String(init?.scenario.replications ?? CHECK_LIMITS.defaultReplications));
  const [seed, setSeed] = useState(String(init?.scenario.seed ?? 1));
  const [multiplier, setMultiplier] = useState(String(init?.scenario.workload?.rateMultiplier ?? 1));
  const nextKey = useRef(1);
  const [faults, setFaults] = useState<DraftFault[]>(() => (init?.scenario.faults ?? []).map((f) => ({ ...f, key: nextKey.current++ })));
  const [selected, setSelected] = useState<number>();
  const [criteria, setCriteria] = useState<Criterion[]>(init?.criteria ?? [{ metric: 'latencyP99Ms', op: '<', value: 300 }]);
  const [designId, setDesignId] = useState<string>();
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const designs = useAsync(() => api.listDesigns(p.projectId).then((r) => r.designs), [p.projectId]);
  const chosen = designId ?? designs.value?.[0]?.id;
  const version = useAsync(() => (chosen ? api.getDesign(chosen) : Promise.resolve(undefined)), [chosen]);
  const design = useMemo(() => (version.value ? validateDesign({ components: version.value.components, connections: version.value.connections }) : undefined), [version.value]);
  const targets = useMemo<FaultTarget[]>(() => {
    const v = version.value;
    if (!v) return [];
    return [
      ...v.components.map((c) => ({ id: c.id, label: c.name ? `${c.name} (${c.id})` : c.id, kind: 'component' as const, type: c.type })),
      ...v.connections.map((c) => ({ id: c.id, label: `${c.source} → ${c.target}`, kind: 'connection' as const })),
    ];
  }, [version.value]);
  const run = Number(durationSec) > 0 ? Number(durationSec) : 1;

  const input: RequirementInput = {
    id: id.trim(),
    statement,
    tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
    scenario: {
      durationSec: Number(durationSec),
      warmupSec: warmup.trim() === 'auto' ? 'auto' : Number(warmup || 0),
      seed: Number(seed || 1),
      replications: Number(replications || 1),
      faults: faults.map(toFault),
      ...(Number(multiplier) !== 1 ? { workload: { rateMultiplier: Number(multiplier) } } : {}),
    },
    criteria,
  };
  const outcome = validateRequirement(input, design?.ok ? design.value : undefined);
  const issues = [...(outcome.ok ? [] : outcome.issues), ...serverIssues];
  const issueAt = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))?.message;
  const scenarioIssue = (path: string) => issueAt(`scenario.${path}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome.ok) return;
    setBusy(true);
    setError(undefined);
    setServerIssues([]);
    try {
      p.onSaved(init ? await checksApi.updateRequirement(p.projectId, init.id, input) : await checksApi.createRequirement(p.projectId, input));
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setServerIssues(e.issues);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const selectedFault = faults.find((f) => f.key === selected);
  const field = (label: string, path: string, value: string, set: (v: string) => void, type = 'number') => (
    <label>
      {label}
      <input type={type} value={value} onChange={(e) => set(e.target.value)} name={path} aria-invalid={issueAt(path) ? true : undefined} />
      {issueAt(path) && <span className="field-error">{issueAt(path)}</span>}
    </label>
  );
  return (
    <form className="requirement-form stack" onSubmit={submit} noValidate aria-label={init ? `Edit ${init.id}` : 'New requirement'}>
      <h2>{init ? `Edit ${init.id}` : 'New requirement'}</h2>
      {error !== undefined && <div className="alert error" role="alert">{describeError(error)}</div>}
      <div className="launch-fields">
        {init ? <label>Id<input value={id} readOnly /></label> : field('Id', 'id', id, setId, 'text')}
        {field('Tags (comma-separated)', 'tags', tags, setTags, 'text')}
      </div>
      <label>
        Statement
        <textarea value={statement} onChange={(e) => setStatement(e.target.value)} name="statement" rows={2} aria-invalid={issueAt('statement') ? true : undefined} placeholder="Checkout p99 stays under 300 ms at peak" />
        {issueAt('statement') && <span className="field-error">{issueAt('statement')}</span>}
      </label>
      <fieldset>
        <legend>Scenario</legend>
        <label>
          Fault targets from the design
          <select value={chosen ?? ''} onChange={(e) => setDesignId(e.target.value)} aria-label="Design whose components the scenario uses">
            {designs.value?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} (v{d.version})
              </option>
            ))}
          </select>
        </label>
        <div className="launch-fields">
          {field('Duration (simulated s)', 'scenario.durationSec', durationSec, setDurationSec)}
          {field('Warm-up (s or “auto”)', 'scenario.warmupSec', warmup, setWarmup, 'text')}
          {field(`Replications (1–${CHECK_LIMITS.maxReplications})`, 'scenario.replications', replications, setReplications)}
          {field('First seed', 'scenario.seed', seed, setSeed)}
          {field('Load multiplier (×)', 'scenario.workload.rateMultiplier', multiplier, setMultiplier)}
        </div>
        {scenarioIssue('faults') && <span className="field-error">{scenarioIssue('faults')}</span>}
        <FaultTimeline
          faults={faults}
          targets={targets}
          durationSec={run}
          selected={selected}
          onSelect={setSelected}
          onChange={(f) => setFaults((all) => all.map((x) => (x.key === f.key ? f : x)))}
          onRemove={(key) => setFaults((all) => all.filter((x) => x.key !== key))}
          onAdd={(type: FaultType, target: string) => {
            const fault = newFault(nextKey.current++, type, target, run);
            setFaults((all) => [...all, fault]);
            setSelected(fault.key);
          }}
        />
        {selectedFault && (
          <FaultDetails
            fault={selectedFault}
            index={faults.indexOf(selectedFault)}
            issueAt={(path) => scenarioIssue(path)}
            target={targets.find((t) => t.id === selectedFault.target)}
            onChange={(f) => setFaults((all) => all.map((x) => (x.key === f.key ? f : x)))}
            onRemove={() => setFaults((all) => all.filter((x) => x.key !== selectedFault.key))}
          />
        )}
      </fieldset>
      <CriteriaEditor criteria={criteria} components={targets.filter((t) => t.kind === 'component')} durationSec={run} issueAt={issueAt} onChange={setCriteria} />
      {issues.length > 0 && (
        <ul className="launch-issues" aria-label="To fix before saving">
          {issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path || 'requirement'}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <span className="spacer" />
        <button type="button" onClick={p.onCancel}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={busy || !outcome.ok}>
          {busy ? 'Saving…' : 'Save requirement'}
        </button>
      </div>
    </form>
  );
}
