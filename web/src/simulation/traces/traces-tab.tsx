import { useMemo } from 'react';
import { ComponentFilter } from '../component-filter';
import type { Component } from '@architech/contracts';
import { useSearchParams } from '../../app/router';
import { EmptyState, ErrorMessage, Loading } from '../../ui/feedback';
import { useAsync } from '../../ui/use-async';
import { componentColor } from '../dashboard/chart-catalog';
import { Pager, parsePage } from '../pager';
import { useRunSource } from '../run-source';
import { setParams } from '../url-state';
import { TraceList } from './trace-list';
import { TraceWaterfall } from './trace-waterfall';
import './traces.css';

/** Props of {@link TracesTab}. */
export interface TracesTabProps {
  readonly simulationId: string;
  readonly components: readonly Component[];
  /** The page has a Replay tab to jump to. */
  readonly canReplay: boolean;
}

const PAGE_SIZE = 50;

/**
 * The run's kept traces, filtered by status (`status=ok|error`), minimum duration (`minMs`) and
 * component (`component`), paged (`tracesPage`); `trace` opens one as a waterfall and `span`
 * opens a span's details. Everything lives in the URL, so a trace can be linked to.
 */
export function TracesTab({ simulationId, components, canReplay }: TracesTabProps) {
  const params = useSearchParams();
  const source = useRunSource();
  const status = params.get('status') === 'error' ? 'ERROR' : params.get('status') === 'ok' ? 'OK' : undefined;
  const minMsText = params.get('minMs') ?? '';
  const minMs = Number(minMsText) > 0 ? Number(minMsText) : undefined;
  const component = params.get('component') ?? undefined;
  const page = parsePage(params.get('tracesPage'));
  const traceId = params.get('trace') ?? undefined;
  const spanId = params.get('span') ?? undefined;

  const { nameOf, colorOf } = useMemo(() => {
    const names = new Map(components.map((c, i) => [c.id, { name: c.name || c.id, color: componentColor(i) }]));
    return { nameOf: (id: string) => names.get(id)?.name ?? id, colorOf: (id: string) => names.get(id)?.color ?? '#9aa5b1' };
  }, [components]);

  const list = useAsync(
    (signal) => source.traces(simulationId, { status, minDurationMs: minMs, component, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [source, simulationId, status, minMs, component, page],
  );
  const trace = useAsync((signal) => (traceId ? source.trace(simulationId, traceId, signal) : Promise.resolve(undefined)), [source, simulationId, traceId]);

  if (traceId) {
    return (
      <div className="stack">
        <div className="row">
          <button onClick={() => setParams({ trace: undefined, span: undefined })}>‹ All traces</button>
        </div>
        {trace.status === 'error' && <ErrorMessage error={trace.error} onRetry={trace.reload} />}
        {trace.status === 'loading' && <Loading label="Loading the trace…" />}
        {trace.status === 'ready' && trace.value && (
          <TraceWaterfall
            trace={trace.value}
            nameOf={nameOf}
            colorOf={colorOf}
            selectedSpanId={spanId}
            onSelectSpan={(id) => setParams({ span: id }, { replace: true })}
            onOpenTrace={(id) => setParams({ trace: id, span: undefined })}
            canReplay={canReplay}
          />
        )}
      </div>
    );
  }

  // A filter change starts again at the first page.
  const filter = (patch: Record<string, string | undefined>) => setParams({ ...patch, tracesPage: undefined }, { replace: true });
  return (
    <div className="stack">
      <div className="filter-bar" role="search" aria-label="Filter traces">
        <label>
          Status
          <select value={params.get('status') ?? ''} onChange={(e) => filter({ status: e.target.value || undefined })}>
            <option value="">all</option>
            <option value="ok">ok</option>
            <option value="error">error</option>
          </select>
        </label>
        <label>
          Min. duration (ms)
          <input type="number" min={0} step="any" defaultValue={minMsText} key={minMsText} onBlur={(e) => filter({ minMs: e.target.value || undefined })} onKeyDown={(e) => e.key === 'Enter' && filter({ minMs: e.currentTarget.value || undefined })} />
        </label>
        <ComponentFilter value={component} components={components} onChange={(id) => filter({ component: id })} />
      </div>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.value && <Loading label="Loading traces…" />}
      {list.value && list.value.total === 0 && (
        <EmptyState title="No traces match">
          <p className="muted">
            {status || minMs || component ? 'Loosen the filters above.' : 'This run kept no traces (traces arrive when the run completes; check tracing.sampleRate and maxTraces).'}
          </p>
        </EmptyState>
      )}
      {list.value && list.value.total > 0 && (
        <>
          <TraceList traces={list.value.traces} nameOf={nameOf} onOpen={(id) => setParams({ trace: id, span: undefined })} />
          <Pager page={page} pageSize={PAGE_SIZE} total={list.value.total} noun="traces" onPage={(p) => setParams({ tracesPage: p > 1 ? String(p) : undefined })} />
        </>
      )}
    </div>
  );
}
