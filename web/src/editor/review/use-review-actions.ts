import { useMemo } from 'react';
import type { Component, DesignDiffDto } from '@architech/contracts';
import { applyRemediation, EditorStore, replaceDocument, sequentialIds, setSelection, type EditorComponent, type EditorDocument } from '@architech/editor-core';
import type { Finding, RefineResult } from '@architech/sim-engine';
import { toast } from '../../ui/toasts';
import { buildDiffView } from '../diff-document';
import type { Comparison } from '../use-compare';

/**
 * The saved document with the refine proposal's component properties: names, positions and
 * everything else stay as saved, so accepting it makes the next version of the same design.
 */
export function proposedDocument(saved: EditorDocument, result: RefineResult<never>): EditorDocument {
  const proposed = new Map((result.design as { components: Component[] }).components.map((c) => [c.id, c]));
  const changed = new Set(result.changes.map((c) => c.componentId));
  return { ...saved, components: saved.components.map((c) => (changed.has(c.id) && proposed.has(c.id) ? ({ ...c, properties: proposed.get(c.id)!.properties } as EditorComponent) : c)) };
}

/** The existing version diff, drawn for a proposal against the saved version it refines. */
export function proposalComparison(saved: EditorDocument, base: { id: string; version: number }, result: RefineResult<never>): Comparison {
  const proposed = proposedDocument(saved, result);
  const changed = new Set(result.changes.map((c) => c.componentId));
  const diff: DesignDiffDto = {
    from: { id: base.id, version: base.version },
    to: { id: base.id, version: base.version + 1 },
    components: {
      added: [],
      removed: [],
      changed: saved.components.filter((c) => changed.has(c.id)).map((before) => ({ before: before as unknown as Component, after: proposed.components.find((c) => c.id === before.id) as unknown as Component })),
    },
    connections: { added: [], removed: [], changed: [] },
  };
  const view = buildDiffView(proposed, diff);
  return { against: base, label: `Refine proposal against v${base.version}`, fromVersion: base.version, toVersion: base.version + 1, view, store: new EditorStore({ env: { createId: sequentialIds() }, doc: view.doc }) };
}

/** What the Review panel does to the editor: select, apply a remediation, show and accept a proposal. */
export function useReviewActions(store: EditorStore, saved: EditorDocument | undefined, base: { id: string; version: number } | undefined, compare: { show(c: Comparison): void; stop(): void }, save: () => Promise<void>) {
  return useMemo(
    () => ({
      select: (ids: string[]) => store.dispatch(setSelection(ids)),
      apply: (finding: Finding) => {
        if (!finding.fix) return;
        const done = store.dispatch(applyRemediation({ changes: finding.fix.changes as { componentId: string; properties: Record<string, unknown> }[] }));
        toast(done.ok ? `Applied: ${finding.fix.label} (undo to go back; save to keep)` : `Not applied: ${done.message}`, done.ok ? 'info' : 'error');
      },
      showDiff: (result: RefineResult<never>) => saved && base && compare.show(proposalComparison(saved, base, result)),
      accept: async (result: RefineResult<never>) => {
        if (!saved) return;
        compare.stop();
        store.dispatch(replaceDocument(proposedDocument(saved, result)));
        await save();
      },
    }),
    [store, saved, base, compare, save],
  );
}
