import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { FaultType } from '@architech/contracts';
import { describeFault, faultTypesFor, shiftFault, type DraftFault, type FaultTarget } from './fault-model';

/** Props of {@link FaultTimeline}. */
export interface FaultTimelineProps {
  readonly faults: readonly DraftFault[];
  readonly targets: readonly FaultTarget[];
  readonly durationSec: number;
  readonly selected: number | undefined;
  readonly onSelect: (key: number | undefined) => void;
  readonly onChange: (fault: DraftFault) => void;
  readonly onRemove: (key: number) => void;
  readonly onAdd: (type: FaultType, target: string) => void;
}

type Drag = { key: number; mode: 'move' | 'start' | 'end'; originX: number; pxPerSec: number; original: DraftFault };

const FAULT_COLOURS: Record<FaultType, string> = {
  crash: '#c62828',
  error: '#d84315',
  latency: '#6a1b9a',
  slowdown: '#8e6b00',
  packet_loss: '#1565c0',
  partition: '#37474f',
};

/**
 * The fault scenario as a timeline (Gremlin / Chaos Mesh style): one row per target, one bar per
 * fault over the run's simulated time. Drag a bar to move it, its edges to resize it (whole
 * seconds); with a bar focused, ←/→ move it (Shift: 10 s), Alt+←/→ change its end, Delete removes it.
 */
export function FaultTimeline(props: FaultTimelineProps) {
  const track = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | undefined>(undefined);
  const axis = useRef<HTMLDivElement>(null);
  const [axisWidth, setAxisWidth] = useState(600);
  useEffect(() => {
    const element = axis.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setAxisWidth(element.getBoundingClientRect().width || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const [target, setTarget] = useState('');
  const [type, setType] = useState<FaultType | ''>('');
  const run = Math.max(1, props.durationSec);
  const rows = [...new Set(props.faults.map((f) => f.target))];
  const label = (id: string) => props.targets.find((t) => t.id === id)?.label ?? id;
  const chosen = props.targets.find((t) => t.id === target);
  const types = chosen ? faultTypesFor(chosen) : [];

  const startDrag = (event: PointerEvent, fault: DraftFault, mode: Drag['mode']) => {
    event.stopPropagation();
    props.onSelect(fault.key);
    const width = track.current?.getBoundingClientRect().width ?? 1;
    drag.current = { key: fault.key, mode, originX: event.clientX, pxPerSec: width / run, original: fault };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const moveDrag = (event: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const sec = Math.round((event.clientX - d.originX) / d.pxPerSec);
    const edit = d.mode === 'move' ? { moveSec: sec } : d.mode === 'start' ? { growStartSec: sec } : { growEndSec: sec };
    props.onChange(shiftFault(d.original, edit, run));
  };
  const endDrag = () => {
    drag.current = undefined;
  };
  const onKey = (event: KeyboardEvent, fault: DraftFault) => {
    const step = event.shiftKey ? 10 : 1;
    const delta = event.key === 'ArrowRight' ? step : event.key === 'ArrowLeft' ? -step : 0;
    if (delta !== 0) {
      event.preventDefault();
      props.onChange(shiftFault(fault, event.altKey ? { growEndSec: delta } : { moveSec: delta }, run));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      props.onRemove(fault.key);
    }
  };

  const ticks = tickMarks(run, axisWidth);
  return (
    <div className="fault-timeline">
      <div className="timeline-grid">
        <div className="timeline-label muted small">target</div>
        <div className="timeline-axis" aria-hidden="true" ref={axis}>
          {ticks.map((t) => (
            <span key={t} style={{ left: `${(t / run) * 100}%` }}>
              {t}s
            </span>
          ))}
        </div>
        {rows.length === 0 && (
          <>
            <div className="timeline-label" />
            <div className="timeline-empty muted">No faults: the run is a baseline. Add one below to see how the design copes.</div>
          </>
        )}
        {rows.map((row, index) => (
          <div className="timeline-row-wrap" key={row} style={{ display: 'contents' }}>
            <div className="timeline-label ellipsis" title={row}>
              {label(row)}
            </div>
            <div className="timeline-track" ref={index === 0 ? track : undefined} onPointerDown={() => props.onSelect(undefined)}>
              {ticks.map((t) => (
                <span key={t} className="timeline-tick" style={{ left: `${(t / run) * 100}%` }} />
              ))}
              {props.faults
                .filter((f) => f.target === row)
                .map((f) => {
                  const end = f.durationSec === undefined ? run : Math.min(run, f.startSec + f.durationSec);
                  return (
                    <div
                      key={f.key}
                      role="button"
                      tabIndex={0}
                      aria-pressed={props.selected === f.key}
                      aria-label={`${f.type} fault on ${label(f.target)}: ${describeFault(f, run)}. Arrow keys move it, Alt+arrows resize, Delete removes.`}
                      className={`fault-bar${props.selected === f.key ? ' selected' : ''}`}
                      style={{ left: `${(f.startSec / run) * 100}%`, width: `${Math.max(0.5, ((end - f.startSec) / run) * 100)}%`, background: FAULT_COLOURS[f.type] }}
                      onPointerDown={(e) => startDrag(e, f, 'move')}
                      onPointerMove={moveDrag}
                      onPointerUp={endDrag}
                      onPointerCancel={endDrag}
                      onKeyDown={(e) => onKey(e, f)}
                      onFocus={() => props.onSelect(f.key)}
                    >
                      <span className="fault-handle start" onPointerDown={(e) => startDrag(e, f, 'start')} onPointerMove={moveDrag} onPointerUp={endDrag} />
                      <span className="fault-bar-text">{describeFault(f, run)}</span>
                      <span className="fault-handle end" onPointerDown={(e) => startDrag(e, f, 'end')} onPointerMove={moveDrag} onPointerUp={endDrag} />
                    </div>
                  );
                })}
            </div>
          </div>
        ))}
      </div>
      <div className="row add-fault">
        <select aria-label="Fault target" value={target} onChange={(e) => { setTarget(e.target.value); setType(''); }}>
          <option value="">Target…</option>
          <optgroup label="Components">
            {props.targets.filter((t) => t.kind === 'component').map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Connections">
            {props.targets.filter((t) => t.kind === 'connection').map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </optgroup>
        </select>
        <select aria-label="Fault type" value={type} onChange={(e) => setType(e.target.value as FaultType)} disabled={!chosen}>
          <option value="">Fault…</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t.replace('_', ' ')}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!chosen || !type}
          onClick={() => {
            if (chosen && type) props.onAdd(type, chosen.id);
            setType('');
          }}
        >
          Add fault
        </button>
      </div>
    </div>
  );
}

/** Round tick marks over the run, at most one per 64 px of the axis so that labels never collide. */
export function tickMarks(runSec: number, widthPx = 600): number[] {
  const raw = runSec / Math.max(1, Math.min(6, Math.floor(widthPx / 64)));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= runSec + 1e-9; t += step) out.push(Math.round(t));
  return out;
}
