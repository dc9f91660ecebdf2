import type { DesignVersionSummaryDto } from '@architech/contracts';
import type { EditorStore } from '@architech/editor-core';
import { navigate } from '../app/router';
import { SimulationList } from '../simulation/simulation-list';
import { HistoryPanel } from './history-panel';
import { ImportPanel } from './import-panel';
import { PropertiesPanel } from './properties/properties-panel';
import { ReviewPanel } from './review/review-panel';
import type { useReviewActions } from './review/use-review-actions';
import type { useCompare } from './use-compare';
import type { DesignValidation } from './validation';

/** Which side panel the editor shows in place of the properties (see {@link InspectorColumn}). */
export interface SidePanels {
  readonly review: boolean;
  readonly import: boolean;
  readonly runs: boolean;
  readonly history: boolean;
}

/** Props of {@link InspectorColumn}. */
export interface InspectorColumnProps {
  readonly projectId: string;
  /** The version in the address (what the import panel reads from). */
  readonly designId: string;
  readonly base: { readonly id: string; readonly version: number };
  readonly store: EditorStore;
  readonly validation: DesignValidation;
  readonly readOnly: boolean;
  readonly dirty: boolean;
  readonly panels: SidePanels;
  readonly compare: ReturnType<typeof useCompare>;
  readonly reviewActions: ReturnType<typeof useReviewActions>;
  readonly onRestore: (version: DesignVersionSummaryDto) => void;
  readonly onClose: (panel: keyof SidePanels) => void;
}

/**
 * The editor's right-hand column: the review, import, runs or history panel when one is open (in
 * that order of precedence), else the properties of the selection.
 */
export function InspectorColumn({ projectId, designId, base, store, validation, readOnly, dirty, panels, compare, reviewActions, onRestore, onClose }: InspectorColumnProps) {
  const comparison = compare.comparison;
  return (
    <aside className="inspector-column">
      {panels.review ? (
        <ReviewPanel
          designId={base.id}
          version={base.version}
          readOnly={readOnly}
          dirty={dirty}
          onSelect={reviewActions.select}
          onApply={reviewActions.apply}
          onShowDiff={reviewActions.showDiff}
          onAccept={(r) => void reviewActions.accept(r)}
          onClose={() => onClose('review')}
        />
      ) : panels.import && !panels.runs && !panels.history ? (
        <ImportPanel versionId={designId} onClose={() => onClose('import')} />
      ) : panels.runs ? (
        <section className="side-panel" aria-labelledby="runs-title">
          <div className="row panel-head">
            <h2 id="runs-title">Runs of v{base.version}</h2>
            <span className="spacer" />
            <button className="ghost icon" aria-label="Close runs" onClick={() => onClose('runs')}>
              ✕
            </button>
          </div>
          <SimulationList projectId={projectId} designId={base.id} />
        </section>
      ) : panels.history ? (
        <HistoryPanel
          projectId={projectId}
          designId={base.id}
          currentVersion={base.version}
          refreshKey={base.id}
          comparingWith={comparison?.against.id}
          canEdit={!readOnly}
          onCompare={(v) => void compare.compare(v)}
          onOpen={(v) => {
            compare.stop();
            navigate(`/projects/${projectId}/designs/${v.id}?panel=history`);
          }}
          onRestore={onRestore}
          onClose={() => {
            onClose('history');
            compare.stop();
          }}
        />
      ) : (
        <PropertiesPanel store={comparison?.store ?? store} validation={validation} readOnly={readOnly || comparison !== undefined} />
      )}
    </aside>
  );
}
