import type { TraceSummaryDto } from '@architech/contracts';
import { formatMs } from '../metric-format';
import { formatSimTime } from '../sim-time';

/** Props of {@link TraceList}. */
export interface TraceListProps {
  readonly traces: readonly TraceSummaryDto[];
  readonly nameOf: (componentId: string) => string;
  readonly onOpen: (traceId: string) => void;
}

const REASONS: Record<string, string> = { slow: 'among the slowest', error: 'failed', sampled: 'sampled' };

/** One page of kept traces: when, where from, how long (with a bar relative to the page), status. */
export function TraceList({ traces, nameOf, onOpen }: TraceListProps) {
  const longest = Math.max(1e-9, ...traces.map((t) => t.durationMs));
  const from = distinguishingOffset(traces.map((t) => t.traceId));
  return (
    <table className="list trace-list" aria-label="Traces">
      <thead>
        <tr>
          <th scope="col">Trace</th>
          <th scope="col">Start (sim)</th>
          <th scope="col">Duration</th>
          <th scope="col">Spans</th>
          <th scope="col">Components</th>
          <th scope="col">Status</th>
          <th scope="col">Kept because</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => (
          <tr key={t.traceId} className={t.status === 'ERROR' ? 'is-error' : undefined}>
            <td>
              <button className="link-button" onClick={() => onOpen(t.traceId)} aria-label={`Open trace ${t.traceId} from ${nameOf(t.rootComponentId)}`}>
                {nameOf(t.rootComponentId)} <code className="muted" title={t.traceId}>{shortTraceId(t.traceId, from)}</code>
              </button>
              {t.linkedTraceId && <span className="badge" title={`Continues trace ${t.linkedTraceId}`}>linked</span>}
            </td>
            <td className="num">{formatSimTime(t.startMs / 1000)}</td>
            <td className="trace-duration">
              <span className="num">{formatMs(t.durationMs)}</span>
              <span className="duration-bar" aria-hidden="true">
                <span style={{ width: `${(t.durationMs / longest) * 100}%` }} />
              </span>
            </td>
            <td className="num">{t.spanCount}</td>
            <td className="muted trace-components" title={t.components.map(nameOf).join(', ')}>
              {t.components.map(nameOf).join(', ')}
            </td>
            <td>
              <span className={`badge ${t.status === 'ERROR' ? 'status-failed' : 'status-completed'}`}>{t.status === 'ERROR' ? 'error' : 'ok'}</span>
            </td>
            <td className="muted">{REASONS[t.reason] ?? t.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Where the ids of a page start to differ: 0 for ids that differ at once (every run since trace ids
 * put their serial first), further for runs stored before, whose ids of one run share a prefix.
 */
export function distinguishingOffset(ids: readonly string[]): number {
  if (ids.length < 2) return 0;
  let common = 0;
  const first = ids[0]!;
  while (common < first.length && ids.every((id) => id[common] === first[common])) common++;
  return common;
}

/** Eight hex digits of `id` from `offset` (with an ellipsis when the shared start is left out). */
export function shortTraceId(id: string, offset: number): string {
  const start = Math.min(offset, Math.max(0, id.length - 8));
  return `${start > 0 ? '…' : ''}${id.slice(start, start + 8)}`;
}
