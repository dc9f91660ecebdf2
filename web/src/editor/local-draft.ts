import { useCallback, useEffect, useMemo, useState } from 'react';
import { fromDesign, toDesign, type EditorDocument } from '@architech/editor-core';

/** Unsaved edits of one design version, kept in this browser until they are saved or discarded. */
export interface LocalDraft {
  /** When the draft was last written (ISO 8601). */
  readonly savedAt: string;
  readonly doc: EditorDocument;
}

const PREFIX = 'architech.draft.';
const keyOf = (versionId: string) => `${PREFIX}${versionId}`;

/** The draft kept for `versionId`, if any (an unreadable one is dropped). */
export function readDraft(versionId: string): LocalDraft | undefined {
  try {
    const raw = localStorage.getItem(keyOf(versionId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { savedAt?: unknown; design?: unknown };
    const imported = fromDesign(parsed.design as Parameters<typeof fromDesign>[0]);
    if (typeof parsed.savedAt !== 'string' || !imported.ok) throw new Error('unreadable draft');
    return { savedAt: parsed.savedAt, doc: imported.doc };
  } catch {
    removeDraft(versionId);
    return undefined;
  }
}

/** Keeps `doc` as the draft of `versionId`; a full storage only costs the draft, never the edit. */
export function writeDraft(versionId: string, doc: EditorDocument, now = new Date()): void {
  try {
    localStorage.setItem(keyOf(versionId), JSON.stringify({ savedAt: now.toISOString(), design: toDesign(doc) }));
  } catch {
    // Storage full or disabled: the editor still holds the edits; only the safety net is missing.
  }
}

/** Forgets the draft of `versionId`. */
export function removeDraft(versionId: string): void {
  try {
    localStorage.removeItem(keyOf(versionId));
  } catch {
    // Nothing to do without storage.
  }
}

/** Whether two documents hold the same design (compared once, when a draft is found). */
function sameDesign(a: EditorDocument, b: EditorDocument): boolean {
  return JSON.stringify(toDesign(a)) === JSON.stringify(toDesign(b));
}

/** "17:03" today, "3 Dec, 17:03" on another day. */
export function draftTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/**
 * The local safety net of the editor: while the document differs from the saved version the edits
 * are written to this browser's storage (per version, half a second after the last change), and a
 * draft found when the version opens is offered for restoring. Saving or discarding removes it.
 */
export function useLocalDraft(versionId: string | undefined, doc: EditorDocument, dirty: boolean, savedDoc: EditorDocument | undefined) {
  const [offer, setOffer] = useState<LocalDraft>();
  const [answeredFor, setAnsweredFor] = useState<string>();

  // A draft of this version that differs from what is saved is offered once per opening.
  useEffect(() => {
    if (!versionId || savedDoc === undefined || answeredFor === versionId) return;
    const draft = readDraft(versionId);
    if (draft && !sameDesign(draft.doc, savedDoc)) setOffer(draft);
    else {
      if (draft) removeDraft(versionId);
      setAnsweredFor(versionId);
    }
  }, [versionId, savedDoc, answeredFor]);

  const pending = offer !== undefined;
  useEffect(() => {
    if (!versionId || pending || answeredFor !== versionId) return;
    if (!dirty) {
      removeDraft(versionId);
      return;
    }
    const timer = window.setTimeout(() => writeDraft(versionId, doc), 500);
    return () => window.clearTimeout(timer);
  }, [versionId, doc, dirty, pending, answeredFor]);

  /** Writes the draft at once (before leaving the page). */
  const flush = useCallback(() => {
    if (versionId && dirty && !pending) writeDraft(versionId, doc);
  }, [versionId, doc, dirty, pending]);

  const settle = useCallback(() => {
    setOffer(undefined);
    setAnsweredFor(versionId);
  }, [versionId]);

  return useMemo(
    () => ({
      /** The draft waiting for an answer. */
      offer,
      /** The user took the draft: it becomes the document (the caller dispatches it). */
      accept: () => settle(),
      /** The user threw it away. */
      discard: () => {
        if (versionId) removeDraft(versionId);
        settle();
      },
      flush,
    }),
    [offer, settle, versionId, flush],
  );
}
