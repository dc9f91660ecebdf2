import { useEffect, useMemo, useRef, useState } from 'react';
import { ComponentFilter } from '../component-filter';
import { LOG_LEVELS, type Component, type LogLevelName, type LogRecordDto } from '@architech/contracts';
import { useSearchParams } from '../../app/router';
import { EmptyState, ErrorMessage, Loading } from '../../ui/feedback';
import { useAsync } from '../../ui/use-async';
import { Pager, parsePage } from '../pager';
import { useRunSource } from '../run-source';
import { formatSimTime } from '../sim-time';
import { openAtMoment, setParams } from '../url-state';
import { highlightParts } from './highlight';
import './logs.css';

/** Props of {@link LogsTab}. */
export interface LogsTabProps {
  readonly simulationId: string;
  readonly components: readonly Component[];
  /** The run is in progress: records keep arriving, the page refreshes. */
  readonly running: boolean;
  /** The page has a Replay tab to jump to. */
  readonly canReplay: boolean;
}

const PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 300;
const LIVE_REFRESH_MS = 3000;

/**
 * The run's structured logs in simulated time order: full-text search (`q`), level and component
 * filters (`level`, `component`), pages (`logsPage`); each record jumps to the replay or the
 * dashboard at its moment.
 */
export function LogsTab({ simulationId, components, running, canReplay }: LogsTabProps) {
  const params = useSearchParams();
  const source = useRunSource();
  const q = params.get('q') ?? undefined;
  const levelParam = params.get('level');
  const level = LOG_LEVELS.find((l) => l === levelParam);
  const component = params.get('component') ?? undefined;
  const page = parsePage(params.get('logsPage'));
  const nameOf = useMemo(() => {
    const names = new Map(components.map((c) => [c.id, c.name || c.id]));
    return (id: string) => names.get(id) ?? id;
  }, [components]);

  const logs = useAsync(
    (signal) => source.logs(simulationId, { q, level, component, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [source, simulationId, q, level, component, page],
  );
  const { reload } = logs;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(reload, LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const filter = (patch: Record<string, string | undefined>) => setParams({ ...patch, logsPage: undefined }, { replace: true });
  return (
    <div className="stack">
      <div className="filter-bar" role="search" aria-label="Filter logs">
        <SearchBox value={q ?? ''} onSearch={(text) => filter({ q: text || undefined })} />
        <label>
          Level
          <select value={level ?? ''} onChange={(e) => filter({ level: e.target.value || undefined })}>
            <option value="">any</option>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <ComponentFilter value={component} components={components} onChange={(id) => filter({ component: id })} />
        {running && <span className="badge live">● live</span>}
      </div>
      {logs.status === 'error' && <ErrorMessage error={logs.error} onRetry={logs.reload} />}
      {logs.status === 'loading' && !logs.value && <Loading label="Loading logs…" />}
      {logs.value && logs.value.total === 0 && (
        <EmptyState title="No log records match">
          <p className="muted">{q || level || component ? 'Try other words or loosen the filters.' : running ? 'Records appear as the simulated time advances.' : 'This run wrote no log records.'}</p>
        </EmptyState>
      )}
      {logs.value && logs.value.total > 0 && (
        <>
          <table className="list log-table" aria-label="Log records">
            <thead>
              <tr>
                <th scope="col">Time (sim)</th>
                <th scope="col">Level</th>
                <th scope="col">Component</th>
                <th scope="col">Event</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {logs.value.logs.map((record) => (
                <LogRow key={record.id} record={record} query={q} nameOf={nameOf} canReplay={canReplay} />
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} total={logs.value.total} noun="log records" onPage={(p) => setParams({ logsPage: p > 1 ? String(p) : undefined })} />
        </>
      )}
    </div>
  );
}

function LogRow({ record, query, nameOf, canReplay }: { record: LogRecordDto; query: string | undefined; nameOf: (id: string) => string; canReplay: boolean }) {
  const sec = record.timeMs / 1000;
  const attributes = Object.entries(record.attributes ?? {});
  return (
    <tr className={`log-${record.level}`}>
      <td className="num log-time">{formatSimTime(sec)}</td>
      <td>
        <LevelBadge level={record.level} />
      </td>
      <td>{record.componentId ? nameOf(record.componentId) : <span className="muted">—</span>}</td>
      <td>
        <code>{record.event}</code>
      </td>
      <td className="log-message">
        {highlightParts(record.message, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        {attributes.length > 0 && (
          <span className="log-attributes">
            {attributes.map(([k, v]) => (
              <code key={k}>
                {k}={String(v)}
              </code>
            ))}
          </span>
        )}
      </td>
      <td className="log-actions">
        {canReplay && (
          <button className="ghost" onClick={() => openAtMoment('replay', sec)} aria-label={`Replay at ${formatSimTime(sec)}`} title="Replay at this moment">
            ▶ Replay
          </button>
        )}
        <button className="ghost" onClick={() => openAtMoment('dashboard', sec)} aria-label={`Show ${formatSimTime(sec)} on the dashboard`} title="Show on dashboard">
          Dashboard
        </button>
      </td>
    </tr>
  );
}

function LevelBadge({ level }: { level: LogLevelName }) {
  return <span className={`badge level level-${level}`}>{level}</span>;
}

/** The search field: the URL follows the typing after a pause, replacing its history entry. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  // The URL changed under the field (Back, a link): show it, unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value);
  }, [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => latest.current(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value]);
  return (
    <label className="log-search">
      Search
      <input ref={input} type="search" value={text} placeholder="Words in the message, e.g. breaker open" onChange={(e) => setText(e.target.value)} aria-label="Search the log messages" />
    </label>
  );
}
