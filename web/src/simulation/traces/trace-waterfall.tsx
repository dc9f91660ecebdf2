import { useMemo, useState, type KeyboardEvent } from 'react';
import type { SpanDto, TraceDto } from '@architech/contracts';
import { formatMs } from '../metric-format';
import { formatSimTime } from '../sim-time';
import { criticalPath } from './critical-path';
import { SpanDetails } from './span-details';
import { spanTree } from './span-tree';

/** Props of {@link TraceWaterfall}. */
export interface TraceWaterfallProps {
  readonly trace: TraceDto;
  readonly nameOf: (componentId: string) => string;
  readonly colorOf: (componentId: string) => string;
  /** The span whose details are open (URL `span`). */
  readonly selectedSpanId: string | undefined;
  readonly onSelectSpan: (spanId: string | undefined) => void;
  readonly onOpenTrace: (traceId: string) => void;
  readonly canReplay: boolean;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * A Jaeger-style waterfall: one row per span, indented under its parent, a bar on the trace's time
 * axis, failed spans in red, the critical path outlined; a row opens the span's details. Arrow keys
 * move between rows; subtrees collapse.
 */
export function TraceWaterfall({ trace, nameOf, colorOf, selectedSpanId, onSelectSpan, onOpenTrace, canReplay }: TraceWaterfallProps) {
  const rows = useMemo(() => spanTree(trace.spans), [trace.spans]);
  const critical = useMemo(() => new Set(criticalPath(trace.spans)), [trace.spans]);
  const [showCritical, setShowCritical] = useState(true);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const startMs = Math.min(trace.startMs, ...trace.spans.map((s) => s.startMs));
  const endMs = Math.max(trace.startMs + trace.durationMs, ...trace.spans.map((s) => s.endMs));
  const totalMs = Math.max(endMs - startMs, 1e-6);

  const visible = useMemo(() => {
    const out: typeof rows = [];
    let hideBelow = Infinity;
    for (const row of rows) {
      if (row.depth > hideBelow) continue;
      hideBelow = collapsed.has(row.span.spanId) ? row.depth : Infinity;
      out.push(row);
    }
    return out;
  }, [rows, collapsed]);

  const toggle = (spanId: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });

  // Up/Down move along the rows like a tree view; Left/Right collapse and expand.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number, spanId: string, hasChildren: boolean) => {
    const buttons = event.currentTarget.closest('ol')?.querySelectorAll<HTMLButtonElement>('button.span-row');
    if (event.key === 'ArrowDown') buttons?.[Math.min(index + 1, buttons.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') buttons?.[Math.max(index - 1, 0)]?.focus();
    else if (event.key === 'ArrowLeft' && hasChildren && !collapsed.has(spanId)) toggle(spanId);
    else if (event.key === 'ArrowRight' && collapsed.has(spanId)) toggle(spanId);
    else return;
    event.preventDefault();
  };

  return (
    <section className="trace-view stack" aria-label={`Trace ${trace.traceId}`}>
      <div className="trace-header row">
        <h3>
          {nameOf(trace.rootComponentId)} <code className="muted">{trace.traceId}</code>
        </h3>
        <span className={`badge ${trace.status === 'ERROR' ? 'status-failed' : 'status-completed'}`}>{trace.status === 'ERROR' ? 'error' : 'ok'}</span>
        <span className="muted">
          at {formatSimTime(trace.startMs / 1000)} · {formatMs(trace.durationMs)} · {trace.spans.length} spans · kept: {trace.reason}
        </span>
        {trace.linkedTraceId && (
          <button className="link-button" onClick={() => onOpenTrace(trace.linkedTraceId!)}>
            Producer's trace
          </button>
        )}
        <span className="spacer" />
        <label className="inline-check">
          <input type="checkbox" checked={showCritical} onChange={(e) => setShowCritical(e.target.checked)} />
          Highlight the critical path
        </label>
      </div>
      <div className="waterfall">
        <div className="waterfall-ruler" aria-hidden="true">
          <span className="span-label">Span</span>
          <span className="waterfall-axis">
            {TICKS.map((f) => (
              <span key={f} className="tick" style={{ left: `${f * 100}%` }}>
                {formatMs(f * totalMs)}
              </span>
            ))}
          </span>
        </div>
        <ol className="waterfall-rows" aria-label="Spans, in call order">
          {visible.map((row, index) => {
            const { span, depth, childCount, selfMs } = row;
            const left = ((span.startMs - startMs) / totalMs) * 100;
            const width = Math.max((span.durationMs / totalMs) * 100, 0.3);
            const isCritical = showCritical && critical.has(span.spanId);
            const isOpen = span.spanId === selectedSpanId;
            const failed = span.status.code === 'ERROR';
            return (
              <li key={span.spanId} className={`${isOpen ? 'open' : ''} ${isCritical ? 'critical' : ''}`}>
                <div className="span-line">
                  <span className="span-label" style={{ paddingLeft: depth * 14 }}>
                    {childCount > 0 ? (
                      <button className="icon tree-toggle" onClick={() => toggle(span.spanId)} aria-label={`${collapsed.has(span.spanId) ? 'Expand' : 'Collapse'} the ${childCount} calls under ${span.name}`} aria-expanded={!collapsed.has(span.spanId)}>
                        {collapsed.has(span.spanId) ? '▸' : '▾'}
                      </button>
                    ) : (
                      <span className="tree-toggle" />
                    )}
                    <span className="component-swatch" style={{ background: colorOf(span.componentId) }} aria-hidden="true" />
                    <button
                      className="span-row"
                      aria-expanded={isOpen}
                      onClick={() => onSelectSpan(isOpen ? undefined : span.spanId)}
                      onKeyDown={(e) => onKeyDown(e, index, span.spanId, childCount > 0)}
                      aria-label={`${span.name} on ${nameOf(span.componentId)}, ${formatMs(span.durationMs)}, ${span.status.code.toLowerCase()}${isCritical ? ', on the critical path' : ''}`}
                    >
                      {nameOf(span.componentId)}
                      {span.name !== span.componentId && <span className="muted"> {span.name}</span>}
                      <CallRoleTags attributes={span.attributes} />
                    </button>
                  </span>
                  {/* The bar repeats the row's button for the mouse; the button is what keyboards and screen readers use. */}
                  <span className="waterfall-axis" aria-hidden="true" onClick={() => onSelectSpan(isOpen ? undefined : span.spanId)}>
                    <span
                      className={`span-bar ${failed ? 'failed' : ''} ${span.status.code === 'UNSET' ? 'unset' : ''}`}
                      style={{ left: `${left}%`, width: `${width}%`, ...(failed || span.status.code === 'UNSET' ? {} : { background: colorOf(span.componentId) }) }}
                    />
                    <span className="span-duration" style={left + width > 75 ? { right: `${100 - left + 0.5}%` } : { left: `${left + width + 0.5}%` }}>
                      {formatMs(span.durationMs)}
                    </span>
                  </span>
                </div>
                {isOpen && (
                  <SpanDetails span={span} traceStartMs={startMs} selfMs={selfMs} critical={critical.has(span.spanId)} componentName={nameOf(span.componentId)} canReplay={canReplay} />
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

/** A call's place in its caller's call graph: its fan-out stage and whether the caller tolerates its failure. */
function CallRoleTags({ attributes }: { readonly attributes: SpanDto['attributes'] }) {
  const stage = typeof attributes.stage === 'number' ? attributes.stage : undefined;
  const optional = attributes.optional === true;
  if (stage === undefined && !optional) return null;
  return (
    <>
      {stage !== undefined && <span className="span-tag" title="Fan-out stage: calls of one stage run in parallel">stage {stage}</span>}
      {optional && <span className="span-tag" title="Optional call: the caller answers without it when it fails">optional</span>}
    </>
  );
}
