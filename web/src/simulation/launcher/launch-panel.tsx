import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { LIMITS, validateSimulationConfig, type FaultType, type HypothesisCondition, type SimulationConfigInput, type ValidationIssue } from '@architech/contracts';
import { ApiError, describeError } from '../../api/api-error';
import { simulationsApi } from '../../api/simulations';
import { navigate } from '../../app/router';
import type { DesignAnalysis } from '../../editor/design-analysis';
import { plainMessage } from '../../editor/properties/plain-issues';
import { FaultDetails } from './fault-details';
import { newFault, toFault, type DraftFault, type FaultTarget } from './fault-model';
import { FaultTimeline } from './fault-timeline';
import { ExperimentImport } from './experiment-import';
import { DEFAULT_HYPOTHESIS, HypothesisEditor } from './hypothesis-editor';
import { inWords, placeOf } from './launch-issues';
import { SaveAsRequirement } from '../../checks/save-as-requirement';
import './launcher.css';

/** Props of {@link LaunchPanel}. */
export interface LaunchPanelProps {
  readonly projectId: string;
  /** The saved version that will run. */
  readonly versionId: string;
  readonly version: number;
  /** The saved version's design analysis (what runs): its components are the targets, its verdict the design's. */
  readonly analysis: DesignAnalysis;
  /** The editor has changes that are not in `version`. */
  readonly dirty: boolean;
  readonly onClose: () => void;
}

/**
 * Launches a simulation of the saved version: run settings, workload overrides, a fault scenario
 * on a timeline and a steady-state hypothesis. Validated in the browser with the API's own rules
 * (`validateSimulationConfig` against the design) before it is sent; the API's answer is shown
 * field by field too.
 */
export function LaunchPanel(props: LaunchPanelProps) {
  const [durationSec, setDurationSec] = useState('120');
  const [warmup, setWarmup] = useState('10');
  const [seed, setSeed] = useState('1');
  const [replications, setReplications] = useState('1');
  const [multiplier, setMultiplier] = useState('1');
  const [clientRates, setClientRates] = useState<Record<string, string>>({});
  const [sampleRate, setSampleRate] = useState('0.01');
  const [faults, setFaults] = useState<DraftFault[]>([]);
  const [selected, setSelected] = useState<number>();
  const [hypothesis, setHypothesis] = useState<HypothesisCondition[]>([...DEFAULT_HYPOTHESIS]);
  const [busy, setBusy] = useState(false);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<unknown>();
  const [attempted, setAttempted] = useState(false);
  const nextKey = useRef(1);
  const form = useRef<HTMLFormElement>(null);
  const sheet = useRef<HTMLDialogElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);

  useEffect(() => {
    const dialog = sheet.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const { doc, outcome: design } = props.analysis;
  const targets = useMemo<FaultTarget[]>(() => {
    const names = new Map(doc.components.map((c) => [c.id, c.name || c.id]));
    return [
      ...doc.components.map((c) => ({ id: c.id, label: c.name ? `${c.name} (${c.id})` : c.id, kind: 'component' as const, type: c.type })),
      ...doc.connections.map((c) => ({ id: c.id, label: `${names.get(c.source) ?? c.source} → ${names.get(c.target) ?? c.target}`, kind: 'connection' as const })),
    ];
  }, [doc]);
  const clients = doc.components.filter((c) => c.type === 'CLIENT');
  const run = Number(durationSec) > 0 ? Number(durationSec) : 1;

  const config: SimulationConfigInput = {
    durationSec: Number(durationSec),
    warmupSec: warmup.trim() === 'auto' ? 'auto' : Number(warmup || 0),
    seed: Number(seed || 1),
    replications: Number(replications || 1),
    faults: faults.map(toFault),
    tracing: { sampleRate: Number(sampleRate || 0), maxTraces: 1000, slowest: 20, maxLogs: 10_000 },
    hypothesis,
  };
  const overrides = Object.fromEntries(Object.entries(clientRates).filter(([, v]) => v.trim() !== '').map(([id, v]) => [id, { ratePerSec: Number(v) }]));
  if (Number(multiplier) !== 1 || Object.keys(overrides).length > 0) config.workload = { rateMultiplier: Number(multiplier), clients: overrides };

  const outcome = design.ok ? validateSimulationConfig(config, design.value) : undefined;
  const issues = [...(outcome && !outcome.ok ? outcome.issues : []), ...serverIssues];
  const warnings = outcome?.warnings ?? [];
  const issueAt = (path: string) => {
    const message = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
    return message === undefined ? undefined : inWords(message);
  };

  /** Brings the field of `path` into view and focuses it (selecting its fault first when it is a fault's). */
  const focusField = (path: string) => {
    const fault = /^faults\[(\d+)\]/.exec(path);
    if (fault) {
      const f = faults[Number(fault[1])];
      if (f && selected !== f.key) {
        pendingFocus.current = path;
        setSelected(f.key);
        return;
      }
    }
    const control = form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`) ?? form.current?.querySelector<HTMLElement>(`[name^="${CSS.escape(path.split('.')[0]!)}"]`);
    control?.focus();
  };
  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const path = pendingFocus.current;
    pendingFocus.current = undefined;
    form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)?.focus();
  }, [selected]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!design.ok) return;
    if (!outcome?.ok) {
      if (issues[0]) focusField(issues[0].path);
      return;
    }
    setBusy(true);
    setError(undefined);
    setServerIssues([]);
    try {
      const launched = await simulationsApi.launch(props.versionId, config);
      navigate(`/projects/${props.projectId}/simulations/${launched.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setServerIssues(e.issues);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const selectedFault = faults.find((f) => f.key === selected);
  const field = (path: string) => ({ 'aria-invalid': issueAt(path) ? true : undefined, 'aria-describedby': issueAt(path) ? `launch-${path}` : undefined });
  const message = (path: string) => issueAt(path) && <span id={`launch-${path}`} className="field-error">{issueAt(path)}</span>;

  return (
    <dialog
      ref={sheet}
      className="launch-sheet"
      aria-label="Run a simulation"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
    <form ref={form} className="launch-panel" onSubmit={submit} noValidate aria-label="Run a simulation">
      <div className="row launch-head">
        <h2>Run v{props.version}</h2>
        {props.dirty && <span className="badge unsaved">unsaved changes are not included — save first to run them</span>}
        <span className="spacer" />
        <button type="button" className="ghost icon" aria-label="Close the run panel" onClick={props.onClose}>
          ✕
        </button>
      </div>
      <div className="launch-body">
      {!design.ok && <div className="alert error">This version cannot run: {plainMessage(design.issues[0]?.message ?? 'it is not valid')}</div>}
      {error !== undefined && serverIssues.length === 0 && <div className="alert error" role="alert">{describeError(error)}</div>}
      <div className="launch-grid">
        <div className="stack launch-settings">
          <div className="launch-fields">
            <label>
              Duration (simulated s)
              <input type="number" min={1} max={LIMITS.maxDurationSec} value={durationSec} onChange={(e) => setDurationSec(e.target.value)} name="durationSec" {...field('durationSec')} />
              {message('durationSec')}
            </label>
            <label>
              Warm-up (s or “auto”)
              <input value={warmup} onChange={(e) => setWarmup(e.target.value)} name="warmupSec" {...field('warmupSec')} />
              {message('warmupSec')}
            </label>
            <label>
              Seed
              <input type="number" min={0} step={1} value={seed} onChange={(e) => setSeed(e.target.value)} name="seed" {...field('seed')} />
              {message('seed')}
            </label>
            <label>
              Replications
              <input type="number" min={1} max={LIMITS.maxReplications} step={1} value={replications} onChange={(e) => setReplications(e.target.value)} name="replications" {...field('replications')} />
              {message('replications')}
            </label>
            <label>
              Load multiplier (×)
              <input type="number" min={0} step="any" value={multiplier} onChange={(e) => setMultiplier(e.target.value)} name="workload.rateMultiplier" {...field('workload.rateMultiplier')} />
              {message('workload.rateMultiplier')}
            </label>
            <label>
              Trace sample rate
              <input type="number" min={0} max={1} step="any" value={sampleRate} onChange={(e) => setSampleRate(e.target.value)} name="tracing.sampleRate" {...field('tracing.sampleRate')} />
              {message('tracing.sampleRate')}
            </label>
          </div>
          {clients.length > 0 && (
            <fieldset className="client-rates">
              <legend>Workload per client (req/s)</legend>
              {clients.map((c) => (
                <label key={c.id} className="inline-field">
                  <span className="ellipsis">{c.name || c.id}</span>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    placeholder={String(c.properties.arrival?.ratePerSec ?? '')}
                    value={clientRates[c.id] ?? ''}
                    onChange={(e) => setClientRates({ ...clientRates, [c.id]: e.target.value })}
                    aria-label={`Rate of ${c.name || c.id} (req/s); empty keeps ${c.properties.arrival?.ratePerSec ?? 'the design’s'}`}
                    name={`workload.clients.${c.id}`}
                    {...field(`workload.clients.${c.id}`)}
                  />
                </label>
              ))}
            </fieldset>
          )}
          <HypothesisEditor conditions={hypothesis} onChange={setHypothesis} />
        </div>
        <div className="stack launch-faults">
          <h3>Fault scenario</h3>
          <ExperimentImport
            design={props.analysis.design}
            onImport={(imported, suggestedSec) => {
              setFaults(imported.map((f) => ({ ...f, key: nextKey.current++ }) as DraftFault));
              setDurationSec(String(suggestedSec));
              setSelected(undefined);
            }}
          />
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
              issueAt={issueAt}
              target={targets.find((t) => t.id === selectedFault.target)}
              onChange={(f) => setFaults((all) => all.map((x) => (x.key === f.key ? f : x)))}
              onRemove={() => setFaults((all) => all.filter((x) => x.key !== selectedFault.key))}
            />
          )}
          {warnings.map((w) => (
            <div key={w.path + w.message} className="alert warning small">
              {w.message}
            </div>
          ))}
        </div>
      </div>
      </div>
      {issues.length > 0 && (attempted || serverIssues.length > 0 || issues.some((i) => !i.path.startsWith('faults'))) && (
        <div className="launch-issues" role="alert" aria-label="Settings to fix before launching">
          <strong>
            {issues.length} setting{issues.length === 1 ? '' : 's'} to fix before launching:
          </strong>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>
                <button type="button" className="link-button" onClick={() => focusField(i.path)}>
                  {placeOf(i.path, faults, targets)}
                </button>
                : {inWords(i.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row launch-foot">
        <span className="muted small">{issues.length > 0 ? `${issues.length} setting${issues.length === 1 ? '' : 's'} to fix` : `${faults.length} fault${faults.length === 1 ? '' : 's'}, ${hypothesis.length} condition${hypothesis.length === 1 ? '' : 's'}`}</span>
        <span className="spacer" />
        <SaveAsRequirement projectId={props.projectId} config={config} hypothesis={hypothesis} disabled={!outcome?.ok} />
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={busy || !design.ok} aria-describedby={issues.length > 0 ? 'launch-blocked' : undefined}>
          {busy ? 'Launching…' : 'Launch simulation'}
        </button>
        {issues.length > 0 && (
          <span id="launch-blocked" className="sr-only">
            {issues.length} setting{issues.length === 1 ? '' : 's'} to fix first
          </span>
        )}
      </div>
    </form>
    </dialog>
  );
}
