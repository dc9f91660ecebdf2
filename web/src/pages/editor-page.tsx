import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DesignVersionSummaryDto } from '@architech/contracts';
import { addComponent, autoLayout, fromDesign, replaceDocument, setSelection } from '@architech/editor-core';
import { describeError } from '../api/api-error';
import { api } from '../api/endpoints';
import { Link } from '../app/link';
import { navigate, setNavigationGuard, useSearchParams } from '../app/router';
import { TopBar } from '../app/top-bar';
import { EditorCanvas, type CanvasHandle } from '../editor/canvas/editor-canvas';
import { ConflictDialog } from '../editor/conflict-dialog';
import { documentOf, useDesignSession } from '../editor/design-session';
import { EditorToolbar } from '../editor/editor-toolbar';
import { designJson, download, fileNameOf, pickJsonFile } from '../editor/file-io';
import { HistoryPanel } from '../editor/history-panel';
import { CheckVersionButton } from '../checks/check-version-button';
import { ImportPanel } from '../editor/import-panel';
import type { CanvasOverlays } from '../editor/overlays';
import { Palette } from '../editor/palette';
import { PreviewSummary } from '../editor/preview/preview-summary';
import { usePreview } from '../editor/preview/use-preview';
import { describeIssue } from '../editor/properties/plain-issues';
import { PropertiesPanel } from '../editor/properties/properties-panel';
import { ReviewPanel } from '../editor/review/review-panel';
import { useReviewActions } from '../editor/review/use-review-actions';
import { LaunchPanel } from '../simulation/launcher/launch-panel';
import { SimulationList } from '../simulation/simulation-list';
import { useCompare } from '../editor/use-compare';
import { useDesignValidation } from '../editor/validation';
import { ErrorMessage, Loading } from '../ui/feedback';
import { toast } from '../ui/toasts';
import { useConfirm } from '../ui/confirm';
import { draftTime, removeDraft, useLocalDraft } from '../editor/local-draft';
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
  const validation = useDesignValidation(editor.doc);
  const preview = usePreview(editor.doc, previewEnabled && !compare.comparison);
  const draft = useLocalDraft(ready && !readOnly ? ready.base.id : undefined, editor.doc, dirty, session.savedPrint);
  const confirm = useConfirm<'stay' | 'leave' | 'discard'>();
  const docName = editor.doc.name || 'Untitled design';

  // Every in-app navigation (links, breadcrumbs, Back/Forward) asks first while edits are unsaved;
  // the edits stay as a local draft unless the user discards them.
  const askToLeave = useRef<() => Promise<boolean>>(async () => true);
  askToLeave.current = async () => {
    const answer = await confirm.ask({
      title: 'Leave with unsaved changes?',
      body: (
        <p>
          Your changes to “{docName}” are not saved as a version. If you leave, they are kept as a draft in this browser and offered again when you open v{ready?.base.version} here.
        </p>
      ),
      choices: [
        { value: 'stay', label: 'Stay and keep editing', tone: 'primary' },
        { value: 'leave', label: 'Leave, keep the draft' },
        { value: 'discard', label: 'Discard changes and leave', tone: 'danger' },
      ],
    });
    if (answer === 'leave') draft.flush();
    if (answer === 'discard' && ready) removeDraft(ready.base.id);
    return answer === 'leave' || answer === 'discard';
  };
  // A design opens fitted to the canvas, whatever the window's size (not again after a save).
  const { openCount } = session;
  useEffect(() => {
    if (openCount === 0) return;
    const frame = requestAnimationFrame(() => {
      if (store.getState().doc.components.length > 0) canvas.current?.fitToScreen();
    });
    return () => cancelAnimationFrame(frame);
  }, [openCount, store]);

  // An old version's address opens it as it was: say so when a newer one exists.
  const baseId = ready?.base.id;
  const [latest, setLatest] = useState<DesignVersionSummaryDto>();
  useEffect(() => {
    setLatest(undefined);
    if (!baseId) return;
    const controller = new AbortController();
    api
      .listVersions(baseId)
      .then((list) => {
        if (controller.signal.aborted) return;
        const newest = [...list.versions].sort((a, b) => b.version - a.version)[0];
        setLatest(newest);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [baseId]);
  const newer = latest !== undefined && ready !== undefined && latest.version > ready.base.version ? latest : undefined;

  const guarded = dirty && !readOnly;
  useEffect(() => {
    if (!guarded) return;
    return setNavigationGuard({
      blocks: () => true,
      confirm: (proceed) => void askToLeave.current().then((leave) => leave && proceed()),
    });
  }, [guarded]);

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

  // Ctrl/Cmd+S saves wherever the focus is; leaving with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!readOnly && dirty) void save();
      }
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      draft.flush();
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, readOnly, save, draft]);

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
            onAdd={(type) => {
              const center = canvas.current?.viewportCenterWorld() ?? { x: 0, y: 0 };
              store.dispatch(addComponent({ type, position: { x: Math.round(center.x - 80), y: Math.round(center.y - 32) } }));
            }}
          />
        </aside>
        <div className="canvas-column">
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
                This is v{ready.base.version}; the latest version is <strong>v{newer.version}</strong>. Saving here makes a new version on top of the latest after asking you.
              </span>
              <span className="spacer" />
              <button onClick={() => navigate(`/projects/${projectId}/designs/${newer.id}`)}>Open v{newer.version}</button>
            </div>
          )}
          {draft.offer && (
            <div className="alert info row draft-offer" role="alert" aria-label="Unsaved changes found">
              <span>
                Restore unsaved changes from {draftTime(draft.offer.savedAt)}? They were made to v{ready.base.version} in this browser and never saved.
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
              <button className="ghost icon" aria-label="Dismiss" onClick={() => setMessage(undefined)}>
                ✕
              </button>
            </div>
          )}
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
          {runOpen && !comparison && session.savedDoc && (
            <LaunchPanel projectId={projectId} versionId={ready.base.id} version={ready.base.version} doc={session.savedDoc} dirty={dirty} onClose={() => setRunOpen(false)} />
          )}
        </div>
        <aside className="inspector-column">
          {reviewOpen ? (
            <ReviewPanel
              designId={ready.base.id}
              version={ready.base.version}
              readOnly={readOnly}
              dirty={dirty}
              onSelect={reviewActions.select}
              onApply={reviewActions.apply}
              onShowDiff={reviewActions.showDiff}
              onAccept={(r) => void reviewActions.accept(r)}
              onClose={() => setReviewOpen(false)}
            />
          ) : importOpen && !runsOpen && !historyOpen ? (
            <ImportPanel versionId={designId} onClose={() => setImportOpen(false)} />
          ) : runsOpen ? (
            <section className="side-panel" aria-labelledby="runs-title">
              <div className="row panel-head">
                <h2 id="runs-title">Runs of v{ready.base.version}</h2>
                <span className="spacer" />
                <button className="ghost icon" aria-label="Close runs" onClick={() => setRunsOpen(false)}>
                  ✕
                </button>
              </div>
              <SimulationList projectId={projectId} designId={ready.base.id} />
            </section>
          ) : historyOpen ? (
            <HistoryPanel
              projectId={projectId}
              designId={ready.base.id}
              currentVersion={ready.base.version}
              refreshKey={ready.base.id}
              comparingWith={comparison?.against.id}
              canEdit={!readOnly}
              onCompare={(v) => void compare.compare(v)}
              onOpen={(v) => {
                compare.stop();
                navigate(`/projects/${projectId}/designs/${v.id}?panel=history`);
              }}
              onRestore={(v) => void restore(v)}
              onClose={() => {
                setHistoryOpen(false);
                compare.stop();
              }}
            />
          ) : (
            <PropertiesPanel store={comparison?.store ?? store} validation={validation} readOnly={readOnly || comparison !== undefined} />
          )}
        </aside>
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
