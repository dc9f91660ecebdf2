import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DesignVersionSummaryDto } from '@architech/contracts';
import { addComponent, autoLayout, fromDesign, replaceDocument, setSelection } from '@architech/editor-core';
import { describeError } from '../api/api-error';
import { api } from '../api/endpoints';
import { Link } from '../app/link';
import { navigate, useSearchParams } from '../app/router';
import { TopBar } from '../app/top-bar';
import { EditorCanvas, type CanvasHandle } from '../editor/canvas/editor-canvas';
import { ConflictDialog } from '../editor/conflict-dialog';
import { useDesignAnalysis } from '../editor/design-analysis';
import { documentOf, useDesignSession } from '../editor/design-session';
import { EditorBanners } from '../editor/editor-banners';
import { EditorToolbar } from '../editor/editor-toolbar';
import { designJson, download, fileNameOf, pickJsonFile } from '../editor/file-io';
import { CheckVersionButton } from '../checks/check-version-button';
import { InspectorColumn, type SidePanels } from '../editor/inspector-column';
import type { CanvasOverlays } from '../editor/overlays';
import { Palette } from '../editor/palette';
import { paletteComponent } from '../editor/catalogue-palette';
import { PreviewSummary } from '../editor/preview/preview-summary';
import { usePreview } from '../editor/preview/use-preview';
import { describeIssue } from '../editor/properties/plain-issues';
import { useReviewActions } from '../editor/review/use-review-actions';
import { LaunchPanel } from '../simulation/launcher/launch-panel';
import { useCompare } from '../editor/use-compare';
import { useLatestVersion } from '../editor/use-latest-version';
import { useUnsavedGuard } from '../editor/use-unsaved-guard';
import { ErrorMessage, Loading } from '../ui/feedback';
import { toast } from '../ui/toasts';
import { useConfirm } from '../ui/confirm';
import { removeDraft, useLocalDraft } from '../editor/local-draft';
import '../editor/editor.css';

/** Largest design file the importer reads: the gateway's default body limit. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The canvas editor for one design version: palette, canvas, properties, versions, save. */
export function EditorPage({ projectId, designId }: { projectId: string; designId: string }) {
  const session = useDesignSession(projectId, designId);
  const { store, state, editor, dirty, saving, conflict } = session;
  const params = useSearchParams();
  const [historyOpen, setHistoryOpen] = useState(params.get('panel') === 'history');
  const [runsOpen, setRunsOpen] = useState(params.get('panel') === 'runs');
  const [runOpen, setRunOpen] = useState(params.get('panel') === 'run');
  const [reviewOpen, setReviewOpen] = useState(params.get('panel') === 'review');
  const [importOpen, setImportOpen] = useState(params.get('panel') === 'import');
  const [previewEnabled, setPreviewEnabled] = useState(true);
  const [message, setMessage] = useState<string>();
  const canvas = useRef<CanvasHandle | undefined>(undefined);
  const ready = state.status === 'ready' ? state : undefined;
  const readOnly = ready?.project.role === 'viewer';
  const compare = useCompare(ready?.base.id);
  // The document is analysed once per change; validation, preview and launcher read the analysis.
  const analysis = useDesignAnalysis(editor.doc);
  const savedAnalysis = useDesignAnalysis(session.savedDoc);
  const { validation } = analysis;
  const preview = usePreview(analysis, previewEnabled && !compare.comparison, ready?.project.priceOverrides);
  const draft = useLocalDraft(ready && !readOnly ? ready.base.id : undefined, editor.doc, dirty, session.savedDoc);
  const confirm = useConfirm<'stay' | 'leave' | 'discard'>();
  const docName = editor.doc.name || 'Untitled design';

  // A design opens fitted to the canvas, whatever the window's size (not again after a save).
  const { openCount } = session;
  useEffect(() => {
    if (openCount === 0) return;
    const frame = requestAnimationFrame(() => {
      if (store.getState().doc.components.length > 0) canvas.current?.fitToScreen();
    });
    return () => cancelAnimationFrame(frame);
  }, [openCount, store]);

  const latest = useLatestVersion(ready?.base.id);
  const newer = latest !== undefined && ready !== undefined && latest.version > ready.base.version ? latest : undefined;

  const overlays = useMemo<CanvasOverlays>(
    () => (compare.comparison ? { issues: new Map(), diff: compare.comparison.view.marks } : { issues: validation.byElement, ...(previewEnabled ? { preview: preview.badges } : {}) }),
    [compare.comparison, validation.byElement, previewEnabled, preview.badges],
  );

  const save = useCallback(
    async (onTopOf?: number) => {
      if (!validation.runnable && validation.errors.length > 0) {
        const first = describeIssue(store.getState().doc, validation.errors[0]!);
        toast(`Fix ${validation.errors.length} problem${validation.errors.length === 1 ? '' : 's'} before saving: ${first.where}: ${first.message}`, 'error');
        return;
      }
      try {
        const before = ready?.base.id;
        const saved = await session.save(onTopOf);
        if (saved) {
          if (before) removeDraft(before);
          toast(`Saved as version ${saved.version}`);
          navigate(`/projects/${projectId}/designs/${saved.id}${historyOpen ? '?panel=history' : ''}`, { replace: true, force: true });
        }
      } catch (e) {
        toast(`Not saved: ${describeError(e)}`, 'error');
      }
    },
    [session, store, ready, validation, projectId, historyOpen],
  );

  useUnsavedGuard({ dirty, readOnly, docName, baseId: ready?.base.id, baseVersion: ready?.base.version, draft, confirm, save });

  const reviewActions = useReviewActions(store, session.savedDoc, ready?.base, compare, () => save());
  const exportJson = () => download(new Blob([designJson(editor.doc)], { type: 'application/json' }), fileNameOf(editor.doc, 'json'));
  const exportPng = async () => {
    if (!canvas.current) return;
    download(await canvas.current.exportPng(), fileNameOf(editor.doc, 'png'));
  };
  const importJson = async () => {
    const file = await pickJsonFile();
    if (!file) return;
    if (file.text.length > MAX_IMPORT_BYTES) return toast(`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most a design may be.`, 'error');
    const result = fromDesign(file.text);
    if (!result.ok) {
      const first = result.issues[0];
      return toast(`${file.name} is not a design Architech can open: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'unknown problem'}`, 'error');
    }
    store.dispatch(replaceDocument({ ...result.doc, name: result.doc.name || editor.doc.name }));
    canvas.current?.fitToScreen();
    toast(`Imported ${file.name} (undo to go back)`);
  };
  const restore = async (version: DesignVersionSummaryDto) => {
    if (dirty) {
      const answer = await confirm.ask({
        title: `Restore v${version.version}?`,
        body: <p>Restoring saves v{version.version} as a new version and replaces your unsaved changes.</p>,
        choices: [
          { value: 'stay', label: 'Keep my changes', tone: 'primary' },
          { value: 'discard', label: `Restore v${version.version}`, tone: 'danger' },
        ],
      });
      if (answer !== 'discard') return;
    }
    try {
      const [old, versions] = await Promise.all([api.getDesign(version.id), api.listVersions(version.id)]);
      const latest = Math.max(...versions.versions.map((v) => v.version));
      store.dispatch(replaceDocument(documentOf(old)));
      compare.stop();
      await save(latest);
    } catch (e) {
      toast(`Could not restore v${version.version}: ${describeError(e)}`, 'error');
    }
  };
  const panels: SidePanels = { review: reviewOpen, import: importOpen, runs: runsOpen, history: historyOpen };
  const closePanel = (panel: keyof SidePanels) => ({ review: setReviewOpen, import: setImportOpen, runs: setRunsOpen, history: setHistoryOpen })[panel](false);
  const selectIssue = (path: string) => {
    const match = /^(components|connections)\[(\d+)\]/.exec(path);
    if (!match) return;
    const element = (match[1] === 'components' ? editor.doc.components : editor.doc.connections)[Number(match[2])];
    if (element) store.dispatch(setSelection([element.id]));
  };

  if (state.status === 'error')
    return (
      <div className="app-shell">
        <TopBar />
        <main className="page">
          <ErrorMessage error={state.error} onRetry={() => void session.reload(designId)} />
          <p>
            <Link href={`/projects/${projectId}`}>Back to the project</Link>
          </p>
        </main>
      </div>
    );
  if (!ready)
    return (
      <div className="app-shell">
        <TopBar />
        <Loading label="Opening the design…" />
      </div>
    );

  const comparison = compare.comparison;
  return (
    <div className="editor-shell">
      <TopBar>
        <Link href="/projects">Projects</Link>/<Link href={`/projects/${projectId}`}>{ready.project.name}</Link>/
        <strong className="ellipsis">{editor.doc.name || 'Untitled design'}</strong>
        <span className="badge">v{ready.base.version}</span>
        <CheckVersionButton projectId={projectId} versionId={ready.base.id} version={ready.base.version} dirty={dirty} />
        {dirty && <span className="badge unsaved">unsaved changes</span>}
        {readOnly && <span className="badge viewer">read only</span>}
      </TopBar>
      <EditorToolbar
        readOnly={readOnly || comparison !== undefined}
        canUndo={store.canUndo()}
        canRedo={store.canRedo()}
        dirty={dirty}
        saving={saving}
        validation={validation}
        previewEnabled={previewEnabled}
        historyOpen={historyOpen}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onAutoLayout={() => {
          store.dispatch(autoLayout());
          canvas.current?.fitToScreen();
        }}
        onFit={() => canvas.current?.fitToScreen()}
        onExportPng={() => void exportPng()}
        onExportJson={exportJson}
        onImportJson={() => void importJson()}
        onSave={() => void save()}
        onTogglePreview={() => setPreviewEnabled((v) => !v)}
        onToggleHistory={() => {
          setHistoryOpen((v) => !v);
          setRunsOpen(false);
        }}
        onSelectIssue={selectIssue}
        describeIssue={(issue) => describeIssue(editor.doc, issue)}
        runOpen={runOpen}
        runsOpen={runsOpen}
        canRun={!readOnly && comparison === undefined}
        onToggleRun={() => setRunOpen((v) => !v)}
        onToggleRuns={() => {
          setRunsOpen((v) => !v);
          setHistoryOpen(false);
          setReviewOpen(false);
        }}
        reviewOpen={reviewOpen}
        onToggleReview={() => {
          setReviewOpen((v) => !v);
          setRunsOpen(false);
          setHistoryOpen(false);
        }}
      />
      <div className="editor-body">
        <aside className="palette-column" aria-label="Components">
          <Palette
            disabled={readOnly || comparison !== undefined}
            provider={ready.project.provider}
            onAdd={(choice) => {
              const center = canvas.current?.viewportCenterWorld() ?? { x: 0, y: 0 };
              const input = paletteComponent(choice);
              if (input) store.dispatch(addComponent({ ...input, position: { x: Math.round(center.x - 80), y: Math.round(center.y - 32) } }));
            }}
          />
        </aside>
        <div className="canvas-column">
          <EditorBanners
            projectId={projectId}
            store={store}
            version={ready.base.version}
            compare={compare}
            newer={newer}
            draft={draft}
            message={message}
            onDismissMessage={() => setMessage(undefined)}
          />
          <div className="canvas-frame">
            <EditorCanvas
              key={comparison ? `diff-${comparison.against.id}` : 'edit'}
              store={comparison?.store ?? store}
              overlays={overlays}
              readOnly={readOnly || comparison !== undefined}
              onReady={(handle) => (canvas.current = handle)}
              onMessage={setMessage}
            />
            {!comparison && editor.doc.components.length === 0 && (
              <div className="canvas-empty" aria-hidden="true">
                <strong>Drag a component from the left to start</strong>
                <span>or click one to drop it in the middle. A client sends traffic; connect it to a load balancer or a service.</span>
              </div>
            )}
          </div>
          {!comparison && <PreviewSummary preview={preview} />}
          {runOpen && !comparison && savedAnalysis && (
            <LaunchPanel projectId={projectId} versionId={ready.base.id} version={ready.base.version} analysis={savedAnalysis} dirty={dirty} onClose={() => setRunOpen(false)} />
          )}
        </div>
        <InspectorColumn
          projectId={projectId}
          designId={designId}
          base={ready.base}
          store={store}
          validation={validation}
          readOnly={readOnly}
          dirty={dirty}
          panels={panels}
          compare={compare}
          reviewActions={reviewActions}
          onRestore={(v) => void restore(v)}
          onClose={closePanel}
        />
      </div>
      {confirm.dialog}
      <ConflictDialog
        conflict={conflict}
        baseVersion={ready.base.version}
        onCancel={session.dismissConflict}
        onExport={exportJson}
        onReload={() => conflict && navigate(`/projects/${projectId}/designs/${conflict.latestId}`)}
        onOverwrite={() => conflict && void save(conflict.latestVersion)}
      />
    </div>
  );
}
