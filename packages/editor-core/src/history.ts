import type { DocumentPatch } from './patch';

/** One undo step: the document patch and the selection on either side of it. */
export interface HistoryEntry {
  readonly patch: DocumentPatch;
  readonly selectionBefore: ReadonlySet<string>;
  readonly selectionAfter: ReadonlySet<string>;
  /** The document's revision on either side of the step (see `EditorStore.revision`). */
  readonly revisionBefore: number;
  readonly revisionAfter: number;
}

/** Undo steps kept by default; older steps are forgotten. */
export const DEFAULT_HISTORY_LIMIT = 200;

/** Undo and redo stacks of patches, the undo stack capped at `limit` entries. */
export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(readonly limit: number = DEFAULT_HISTORY_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`history limit must be a positive integer, got ${limit}`);
    }
  }

  /** Whether a step can be undone. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Whether an undone step can be redone. */
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Records a new step; the redo stack no longer applies and is dropped. */
  push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
    this.redoStack = [];
  }

  /** The step to undo, moved to the redo stack. */
  takeUndo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    return entry;
  }

  /** The step to redo, moved back to the undo stack. */
  takeRedo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    return entry;
  }

  /** Forgets every step. */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
