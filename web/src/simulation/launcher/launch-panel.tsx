import { useMemo, useRef, useState, type FormEvent } from 'react';
import { LIMITS, validateDesign, validateSimulationConfig, type FaultType, type HypothesisCondition, type SimulationConfigInput, type ValidationIssue } from '@architech/contracts';
import { toDesign, type EditorDocument } from '@architech/editor-core';
import { ApiError, describeError } from '../../api/api-error';
import { simulationsApi } from '../../api/simulations';
import { navigate } from '../../app/router';
import { FaultDetails } from './fault-details';
import { newFault, toFault, type DraftFault, type FaultTarget } from './fault-model';
import { FaultTimeline } from './fault-timeline';
import { DEFAULT_HYPOTHESIS, HypothesisEditor } from './hypothesis-editor';
import './launcher.css';

/** Props of {@link LaunchPanel}. */
export interface LaunchPanelProps {
  readonly projectId: string;
  /** The saved version that will run. */
  readonly versionId: string;
  readonly version: number;
  /** The saved version's document (what runs), for targets and validation. */
  readonly doc: EditorDocument;
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
  const nextKey = useRef(1);

  const design = useMemo(() => validateDesign(toDesign(props.doc)), [props.doc]);
  const targets = useMemo<FaultTarget[]>(() => {
    const names = new Map(props.doc.components.map((c) => [c.id, c.name || c.id]));
    return [
      ...props.doc.components.map((c) => ({ id: c.id, label: c.name ? `${c.name} (${c.id})` : c.id, kind: 'component' as const, type: c.type })),
      ...props.doc.connections.map((c) => ({ id: c.id, label: `${names.get(c.source) ?? c.source} → ${names.get(c.target) ?? c.target}`, kind: 'connection' as const })),
    ];
  }, [props.doc]);
  const clients = props.doc.components.filter((c) => c.type === 'CLIENT');
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
  const issueAt = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome?.ok) return;
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
    <form className="launch-panel" onSubmit={submit} aria-label="Run a simulation">
      <div className="row launch-head">
        <h2>Run v{props.version}</h2>
        {props.dirty && <span className="badge unsaved">unsaved changes are not included — save first to run them</span>}
        <span className="spacer" />
        <button type="button" className="ghost icon" aria-label="Close the run panel" onClick={props.onClose}>
          ✕
        </button>
      </div>
      {!design.ok && <div className="alert error">This version cannot run: {design.issues[0]?.message}</div>}
      {error !== undefined && serverIssues.length === 0 && <div className="alert error" role="alert">{describeError(error)}</div>}
      <div className="launch-grid">
        <div className="stack launch-settings">
          <div className="launch-fields">
            <label>
              Duration (simulated s)
              <input type="number" min={1} max={LIMITS.maxDurationSec} value={durationSec} onChange={(e) => setDurationSec(e.target.value)} {...field('durationSec')} />
              {message('durationSec')}
            </label>
            <label>
              Warm-up (s or “auto”)
              <input value={warmup} onChange={(e) => setWarmup(e.target.value)} {...field('warmupSec')} />
              {message('warmupSec')}
            </label>
            <label>
              Seed
              <input type="number" min={0} step={1} value={seed} onChange={(e) => setSeed(e.target.value)} {...field('seed')} />
              {message('seed')}
            </label>
            <label>
              Replications
              <input type="number" min={1} max={LIMITS.maxReplications} step={1} value={replications} onChange={(e) => setReplications(e.target.value)} {...field('replications')} />
              {message('replications')}
            </label>
            <label>
              Load multiplier (×)
              <input type="number" min={0} step="any" value={multiplier} onChange={(e) => setMultiplier(e.target.value)} {...field('workload.rateMultiplier')} />
              {message('workload.rateMultiplier')}
            </label>
            <label>
              Trace sample rate
              <input type="number" min={0} max={1} step="any" value={sampleRate} onChange={(e) => setSampleRate(e.target.value)} {...field('tracing.sampleRate')} />
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
              target={targets.find((t) => t.id === selectedFault.target)}
              onChange={(f) => setFaults((all) => all.map((x) => (x.key === f.key ? f : x)))}
              onRemove={() => setFaults((all) => all.filter((x) => x.key !== selectedFault.key))}
            />
          )}
          {issues.filter((i) => i.path.startsWith('faults')).map((i) => (
            <div key={i.path + i.message} className="field-error">
              {i.path}: {i.message}
            </div>
          ))}
          {warnings.map((w) => (
            <div key={w.path + w.message} className="alert warning small">
              {w.message}
            </div>
          ))}
        </div>
      </div>
      <div className="row launch-foot">
        <span className="muted small">{issues.length > 0 ? `${issues.length} setting${issues.length === 1 ? '' : 's'} to fix` : `${faults.length} fault${faults.length === 1 ? '' : 's'}, ${hypothesis.length} condition${hypothesis.length === 1 ? '' : 's'}`}</span>
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button className="primary" type="submit" disabled={busy || !outcome?.ok}>
          {busy ? 'Launching…' : 'Launch simulation'}
        </button>
      </div>
    </form>
  );
}
