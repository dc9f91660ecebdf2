import type { DesignVersionSummaryDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatDate, plural } from '../ui/format';
import { useAsync } from '../ui/use-async';
import { useVersionVerdicts } from '../checks/use-version-verdicts';
import { VerdictBadge } from '../checks/verdict-badge';

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  /** Any version of the design; its versions are listed. */
  readonly designId: string;
  /** The project, for the versions' check badges. */
  readonly projectId: string;
  /** The version being edited (for "current" marks). */
  readonly currentVersion: number;
  /** Bumped after a save so the list reloads. */
  readonly refreshKey: string;
  readonly comparingWith?: string;
  readonly canEdit: boolean;
  readonly onCompare: (version: DesignVersionSummaryDto) => void;
  readonly onOpen: (version: DesignVersionSummaryDto) => void;
  readonly onRestore: (version: DesignVersionSummaryDto) => void;
  readonly onClose: () => void;
}

/** The design's versions, newest first: open one, compare the current one with it, or restore it. */
export function HistoryPanel(props: HistoryPanelProps) {
  const verdicts = useVersionVerdicts(props.projectId, props.refreshKey);
  const versions = useAsync(() => api.listVersions(props.designId).then((r) => [...r.versions].sort((a, b) => b.version - a.version)), [props.designId, props.refreshKey]);
  return (
    <section className="side-panel" aria-labelledby="history-title">
      <div className="row panel-head">
        <h2 id="history-title">Versions</h2>
        <span className="spacer" />
        <button className="ghost icon" aria-label="Close versions" onClick={props.onClose}>
          ✕
        </button>
      </div>
      {versions.status === 'error' && <ErrorMessage error={versions.error} onRetry={versions.reload} />}
      {versions.status === 'loading' && !versions.value && <Loading label="Loading versions…" />}
      <ol className="version-list" aria-label="Versions">
        {versions.value?.map((v) => {
          const current = v.version === props.currentVersion;
          return (
            <li key={v.id} className={`version${current ? ' current' : ''}${props.comparingWith === v.id ? ' comparing' : ''}`}>
              <div className="row">
                <strong>v{v.version}</strong>
                {v.isLatest && <span className="badge">latest</span>}
                {current && <span className="badge editor">editing</span>}
                <VerdictBadge verdict={verdicts.get(v.id) ?? 'unchecked'} label="checks" />
                <span className="spacer" />
                <span className="muted small">{formatDate(v.createdAt)}</span>
              </div>
              <div className="muted small">
                {v.name} · {plural(v.componentCount, 'component')}, {plural(v.connectionCount, 'connection')}
              </div>
              {!current && (
                <div className="row">
                  <button onClick={() => props.onCompare(v)} aria-label={`Compare the edited version with v${v.version}`}>
                    Compare
                  </button>
                  <button onClick={() => props.onOpen(v)}>Open</button>
                  {props.canEdit && (
                    <button onClick={() => props.onRestore(v)} aria-label={`Restore v${v.version} as a new version`}>
                      Restore
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
