import { useCallback, useMemo, useState } from 'react';
import type { DesignVersionSummaryDto } from '@architech/contracts';
import { EditorStore, sequentialIds } from '@architech/editor-core';
import { api } from '../api/endpoints';
import { documentOf } from './design-session';
import { buildDiffView, type DiffView } from './diff-document';

/** A comparison on screen: the saved version being edited against an older (or newer) one. */
export interface Comparison {
  /** The version compared with (only its id and number are read). */
  readonly against: Pick<DesignVersionSummaryDto, 'id' | 'version'>;
  /** In place of "Comparing vN with vM" when the newer side is not a stored version (a refine proposal). */
  readonly label?: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly view: DiffView;
  /** A read-only store holding the merged document, for the canvas. */
  readonly store: EditorStore;
}

/**
 * Compares the saved version `currentId` with another version of the same design: the newer of the
 * two is drawn with the older one's removed elements as ghosts and every change marked.
 */
export function useCompare(currentId: string | undefined) {
  const [comparison, setComparison] = useState<Comparison>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const compare = useCallback(
    async (against: DesignVersionSummaryDto) => {
      if (!currentId) return;
      setLoading(true);
      setError(undefined);
      try {
        const current = await api.getDesign(currentId);
        const [older, newer] = against.version < current.version ? [against.id, current] : [current.id, await api.getDesign(against.id)];
        const diff = await api.diff(newer.id, older);
        const view = buildDiffView(documentOf(newer), diff);
        const store = new EditorStore({ env: { createId: sequentialIds() }, doc: view.doc });
        setComparison({ against, fromVersion: diff.from.version, toVersion: diff.to.version, view, store });
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [currentId],
  );

  const stop = useCallback(() => setComparison(undefined), []);
  /** Shows a comparison built elsewhere (a refine proposal against the saved version). */
  const show = useCallback((c: Comparison) => setComparison(c), []);
  return useMemo(() => ({ comparison, loading, error, compare, stop, show }), [comparison, loading, error, compare, stop, show]);
}
