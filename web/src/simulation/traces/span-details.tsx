import type { SpanDto } from '@architech/contracts';
import { formatMs } from '../metric-format';
import { formatSimTime } from '../sim-time';
import { openAtMoment } from '../url-state';

/** Props of {@link SpanDetails}. */
export interface SpanDetailsProps {
  readonly span: SpanDto;
  readonly traceStartMs: number;
  readonly selfMs: number;
  readonly critical: boolean;
  readonly componentName: string;
  /** The page has a Replay tab to jump to. */
  readonly canReplay: boolean;
}

/** Everything about one span: timing, status, attributes, and jumps to the same moment elsewhere. */
export function SpanDetails({ span, traceStartMs, selfMs, critical, componentName, canReplay }: SpanDetailsProps) {
  const attributes = Object.entries(span.attributes).sort(([a], [b]) => a.localeCompare(b));
  const atSec = span.startMs / 1000;
  return (
    <div className="span-details" role="region" aria-label={`Details of span ${span.name}`}>
      <dl className="facts">
        <div>
          <dt>Component</dt>
          <dd>
            {componentName} <span className="muted">({span.componentType.toLowerCase().replace('_', ' ')}, {span.kind.toLowerCase()})</span>
          </dd>
        </div>
        <div>
          <dt>Start</dt>
          <dd className="num">
            {formatSimTime(atSec)} <span className="muted">(+{formatMs(span.startMs - traceStartMs)} in the trace)</span>
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd className="num">
            {formatMs(span.durationMs)} <span className="muted">(self {formatMs(selfMs)})</span>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${span.status.code === 'ERROR' ? 'status-failed' : span.status.code === 'OK' ? 'status-completed' : ''}`}>{span.status.code.toLowerCase()}</span>
            {span.status.message && <span> {span.status.message}</span>}
            {span.status.code === 'UNSET' && <span className="muted"> still running when the trace ended (orphaned by a timeout or a crash)</span>}
          </dd>
        </div>
        {critical && (
          <div>
            <dt>Critical path</dt>
            <dd>on it: this span held up the end of the trace</dd>
          </div>
        )}
        <div>
          <dt>Span id</dt>
          <dd>
            <code>{span.spanId}</code>
            {span.parentSpanId && (
              <span className="muted">
                {' '}
                child of <code>{span.parentSpanId}</code>
              </span>
            )}
          </dd>
        </div>
      </dl>
      {attributes.length > 0 && (
        <table className="list attributes" aria-label="Span attributes">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {attributes.map(([key, value]) => (
              <tr key={key}>
                <td>
                  <code>{key}</code>
                </td>
                <td>
                  <code>{String(value)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button onClick={() => openAtMoment('dashboard', atSec, { component: span.componentId })}>Show on dashboard</button>
        {canReplay && <button onClick={() => openAtMoment('replay', atSec)}>Replay at this moment</button>}
      </div>
    </div>
  );
}
