import type { DesignVersionSummaryDto } from '@architech/contracts';
import { replaceDocument, type EditorStore } from '@architech/editor-core';
import { navigate } from '../app/router';
import { ErrorMessage } from '../ui/feedback';
import { draftTime, type useLocalDraft } from './local-draft';
import type { useCompare } from './use-compare';

/** Props of {@link EditorBanners}. */
export interface EditorBannersProps {
  readonly projectId: string;
  readonly store: EditorStore;
  /** The version being edited. */
  readonly version: number;
  readonly compare: ReturnType<typeof useCompare>;
  /** A newer version of the lineage than the one open, if any. */
  readonly newer: DesignVersionSummaryDto | undefined;
  readonly draft: ReturnType<typeof useLocalDraft>;
  /** A canvas message (a refused connection), until dismissed. */
  readonly message: string | undefined;
  readonly onDismissMessage: () => void;
}

/**
 * The notices above the canvas: the comparison being shown (with the way back to editing), that a
 * newer version exists, a local draft to restore, and the canvas's last message.
 */
export function EditorBanners({ projectId, store, version, compare, newer, draft, message, onDismissMessage }: EditorBannersProps) {
  const comparison = compare.comparison;
  return (
    <>
      {comparison && (
        <div className="alert info row diff-banner" role="status">
          <span>
            {comparison.label ?? (
              <>
                Comparing <strong>v{comparison.toVersion}</strong> with <strong>v{comparison.fromVersion}</strong>
              </>
            )}
            : <span className="diff-added">{comparison.view.counts.added} added</span>,{' '}
            <span className="diff-removed">{comparison.view.counts.removed} removed</span>, <span className="diff-changed">{comparison.view.counts.changed} changed</span>
          </span>
          <span className="spacer" />
          <button onClick={compare.stop}>Back to editing</button>
        </div>
      )}
      {compare.error !== undefined && <ErrorMessage error={compare.error} />}
      {newer && !comparison && (
        <div className="alert warning row" role="status" aria-label="A newer version exists">
          <span>
            This is v{version}; the latest version is <strong>v{newer.version}</strong>. Saving here makes a new version on top of the latest after asking you.
          </span>
          <span className="spacer" />
          <button onClick={() => navigate(`/projects/${projectId}/designs/${newer.id}`)}>Open v{newer.version}</button>
        </div>
      )}
      {draft.offer && (
        <div className="alert info row draft-offer" role="alert" aria-label="Unsaved changes found">
          <span>
            Restore unsaved changes from {draftTime(draft.offer.savedAt)}? They were made to v{version} in this browser and never saved.
          </span>
          <span className="spacer" />
          <button
            className="primary"
            onClick={() => {
              store.dispatch(replaceDocument(draft.offer!.doc));
              draft.accept();
            }}
          >
            Restore
          </button>
          <button onClick={draft.discard}>Discard</button>
        </div>
      )}
      {message && (
        <div className="alert warning row" role="status">
          {message}
          <span className="spacer" />
          <button className="ghost icon" aria-label="Dismiss" onClick={onDismissMessage}>
            ✕
          </button>
        </div>
      )}
    </>
  );
}
