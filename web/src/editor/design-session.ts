import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DesignVersionDto, ProjectDto } from '@architech/contracts';
import { EditorStore, fromDesign, sequentialIds, toDesign, type EditorDocument } from '@architech/editor-core';
import { ApiError } from '../api/api-error';
import { api } from '../api/endpoints';

/** The saved version an edit started from. */
export interface BaseVersion {
  readonly id: string;
  readonly lineageId: string;
  readonly version: number;
  readonly createdAt: string;
}

/** A save refused because someone saved a newer version first. */
export interface SaveConflict {
  readonly latestVersion: number;
  readonly latestId: string;
}

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly project: ProjectDto; readonly base: BaseVersion };

/** Turns a stored version into an editor document. */
export function documentOf(version: DesignVersionDto): EditorDocument {
  const imported = fromDesign({ name: version.name, ...(version.description ? { description: version.description } : {}), components: version.components, connections: version.connections });
  if (!imported.ok) throw new Error(`version ${version.version} of “${version.name}” cannot be opened: ${imported.issues[0]?.message ?? 'invalid design'}`);
  return imported.doc;
}

/**
 * One design open in the editor: loads the version in the address, keeps the {@link EditorStore},
 * knows whether there are unsaved changes (the store's history revision differs from the one saved:
 * undoing back to the saved state clears them; nothing is compared or serialised per render), and saves a new version on top of the one the edit
 * started from — a 409 (someone saved in between) comes back as a {@link SaveConflict} for the
 * user to resolve. The undo history survives a save.
 */
export function useDesignSession(projectId: string, designId: string) {
  const store = useMemo(() => new EditorStore({ env: { createId: sequentialIds() } }), []);
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict>();
  const [saved, setSaved] = useState<{ doc: EditorDocument; revision: number }>();
  const loadedId = useRef<string | undefined>(undefined);
  const [openCount, setOpenCount] = useState(0);
  const editor = useSyncExternalStore(store.subscribe, store.getState);
  const dirty = state.status === 'ready' && store.revision !== saved?.revision;

  const open = useCallback(
    async (id: string) => {
      setState({ status: 'loading' });
      try {
        const [project, version] = await Promise.all([api.getProject(projectId), api.getDesign(id)]);
        if (version.projectId !== projectId) throw new ApiError(404, 'not_found', 'This design belongs to another project.');
        const doc = documentOf(version);
        store.load(doc);
        loadedId.current = version.id;
        setSaved({ doc, revision: store.revision });
        setConflict(undefined);
        setState({ status: 'ready', project, base: baseOf(version) });
        setOpenCount((n) => n + 1);
      } catch (error) {
        setState({ status: 'error', error });
      }
    },
    [projectId, store],
  );

  useEffect(() => {
    if (loadedId.current !== designId) void open(designId);
  }, [designId, open]);

  /** Saves the document as the version after `onTopOf` (the base by default); returns the new version. */
  const save = useCallback(
    async (onTopOf?: number): Promise<DesignVersionDto | undefined> => {
      if (state.status !== 'ready') return undefined;
      const doc = store.getState().doc;
      const revision = store.revision;
      const design = toDesign(doc);
      setSaving(true);
      try {
        const version = await api.saveDesign(projectId, {
          ...(design.name ? { name: design.name } : {}),
          ...(design.description ? { description: design.description } : {}),
          lineageId: state.base.lineageId,
          baseVersion: onTopOf ?? state.base.version,
          components: design.components as DesignVersionDto['components'],
          connections: (design.connections ?? []) as DesignVersionDto['connections'],
        });
        loadedId.current = version.id;
        setSaved({ doc, revision });
        setConflict(undefined);
        setState({ ...state, base: baseOf(version) });
        return version;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.details && typeof error.details === 'object' && 'latestVersion' in error.details) {
          setConflict(error.details as SaveConflict);
          return undefined;
        }
        throw error;
      } finally {
        setSaving(false);
      }
    },
    [projectId, state, store],
  );

  return { store, state, editor, openCount, dirty, saving, conflict, savedDoc: saved?.doc, dismissConflict: () => setConflict(undefined), save, reload: open };
}

function baseOf(version: DesignVersionDto): BaseVersion {
  return { id: version.id, lineageId: version.lineageId, version: version.version, createdAt: version.createdAt };
}
