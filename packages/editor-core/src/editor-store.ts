import type { Command, EditorEnvironment, EditorState, Refusal } from './command';
import { emptyDocument, type EditorDocument } from './document';
import { DEFAULT_HISTORY_LIMIT, UndoHistory } from './history';
import { applyPatch, diffDocuments, invertPatch, isEmptyPatch } from './patch';
import { DEFAULT_VIEWPORT, type Viewport } from './viewport';

/** How to build an {@link EditorStore}. */
export interface EditorStoreOptions {
  readonly env: EditorEnvironment;
  readonly doc?: EditorDocument;
  readonly viewport?: Viewport;
  /** Undo steps kept; {@link DEFAULT_HISTORY_LIMIT} by default. */
  readonly historyLimit?: number;
}

/** What {@link EditorStore.dispatch} reports: done, or the command's refusal. */
export type DispatchResult = { readonly ok: true } | Refusal;

/** The document, its revision and the selection at some moment, for history bookkeeping. */
interface Snapshot {
  readonly doc: EditorDocument;
  readonly selection: ReadonlySet<string>;
  readonly revision: number;
}

const DONE: DispatchResult = { ok: true };

/**
 * The editor's state container, tldraw-style: a plain immutable state replaced on every change, a
 * subscription React can use directly, commands as the only way to change the design, and undo/redo
 * as inverse document patches.
 *
 * A drag is one undo step: call {@link beginTransaction} on pointer down, dispatch moves while the
 * pointer moves, and {@link commitTransaction} on pointer up.
 *
 * @example
 * const store = new EditorStore({ env: { createId: sequentialIds() } });
 * const state = useSyncExternalStore(store.subscribe, store.getState);
 * store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
 * store.undo();
 */
export class EditorStore {
  private state: EditorState;
  private readonly env: EditorEnvironment;
  private readonly history: UndoHistory;
  private readonly listeners = new Set<() => void>();
  /** Where the document changes not yet in the history started (an open transaction, uncaptured edits). */
  private pending: Snapshot | undefined;
  /** The state an open transaction would return to if cancelled. */
  private transactionStart: Snapshot | undefined;
  private currentRevision = 0;
  private lastRevision = 0;

  constructor(options: EditorStoreOptions) {
    this.env = options.env;
    this.history = new UndoHistory(options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    this.state = {
      doc: options.doc ?? emptyDocument(),
      selection: new Set(),
      viewport: options.viewport ?? DEFAULT_VIEWPORT,
    };
  }

  /** The current state; the same object until something changes (as `useSyncExternalStore` needs). */
  readonly getState = (): EditorState => this.state;

  /** Calls `listener` after every change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Runs a command. A document change becomes an undo step unless a transaction is open. */
  dispatch(command: Command): DispatchResult {
    const outcome = command.perform(this.state, this.env);
    if (!outcome.ok) return outcome;
    const before = this.state;
    const next: EditorState = { ...before, ...outcome.changes };
    if (next.doc === before.doc && next.selection === before.selection && next.viewport === before.viewport) return DONE;
    if (next.doc !== before.doc) {
      this.pending ??= { doc: before.doc, selection: before.selection, revision: this.currentRevision };
      this.currentRevision = ++this.lastRevision;
    }
    this.state = next;
    if (next.doc !== before.doc && outcome.captureUndo && this.transactionStart === undefined) this.record();
    this.emit();
    return DONE;
  }

  /**
   * Starts gathering document changes into one undo step (on pointer down). A transaction already
   * open is committed first, so a lost pointer-up cannot merge two drags.
   */
  beginTransaction(): void {
    this.commitTransaction();
    this.transactionStart = { doc: this.state.doc, selection: this.state.selection, revision: this.currentRevision };
  }

  /** Ends the transaction; its changes, if any, become one undo step. */
  commitTransaction(): void {
    if (this.transactionStart === undefined) return;
    this.transactionStart = undefined;
    this.record();
  }

  /** Ends the transaction by putting the document and selection back as they were when it began (Escape mid-drag). */
  cancelTransaction(): void {
    const start = this.transactionStart;
    if (start === undefined) return;
    this.transactionStart = undefined;
    this.state = { ...this.state, doc: start.doc, selection: start.selection };
    this.currentRevision = start.revision;
    if (this.pending?.doc === start.doc) this.pending = undefined;
    this.emit();
  }

  /**
   * Where the document is in its history: a number that changes with every change of the document
   * and comes back when undo, redo or a cancelled drag return it to an earlier state (a step that
   * changed nothing keeps it). Unsaved changes are `store.revision !== revisionWhenSaved`, with no
   * need to compare documents.
   */
  get revision(): number {
    return this.currentRevision;
  }

  /** Whether a transaction is open. */
  get inTransaction(): boolean {
    return this.transactionStart !== undefined;
  }

  /** Whether {@link undo} would change something (an open transaction counts). */
  canUndo(): boolean {
    return this.history.canUndo || this.hasUnrecordedChanges();
  }

  /** Whether {@link redo} would change something. */
  canRedo(): boolean {
    return this.history.canRedo && !this.hasUnrecordedChanges();
  }

  /** Reverts the last undo step (committing an open transaction first); false when there is none. */
  undo(): boolean {
    this.transactionStart = undefined;
    this.record();
    const entry = this.history.takeUndo();
    if (entry === undefined) return false;
    this.state = { ...this.state, doc: applyPatch(this.state.doc, invertPatch(entry.patch)), selection: entry.selectionBefore };
    this.currentRevision = entry.revisionBefore;
    this.emit();
    return true;
  }

  /** Re-applies the last undone step; false when there is none or the document changed since. */
  redo(): boolean {
    this.transactionStart = undefined;
    this.record();
    const entry = this.history.takeRedo();
    if (entry === undefined) return false;
    this.state = { ...this.state, doc: applyPatch(this.state.doc, entry.patch), selection: entry.selectionAfter };
    this.currentRevision = entry.revisionAfter;
    this.emit();
    return true;
  }

  /** Replaces the document (a design was opened): selection and history start afresh, the viewport stays. */
  load(doc: EditorDocument): void {
    this.history.clear();
    this.pending = undefined;
    this.transactionStart = undefined;
    this.currentRevision = ++this.lastRevision;
    this.state = { ...this.state, doc, selection: new Set() };
    this.emit();
  }

  private hasUnrecordedChanges(): boolean {
    return this.pending !== undefined && this.pending.doc !== this.state.doc;
  }

  private record(): void {
    const base = this.pending;
    if (base === undefined) return;
    this.pending = undefined;
    const patch = diffDocuments(base.doc, this.state.doc);
    if (isEmptyPatch(patch)) {
      // Changed and changed back: the document is the one of `base`, so is its revision.
      this.currentRevision = base.revision;
      return;
    }
    this.history.push({ patch, selectionBefore: base.selection, selectionAfter: this.state.selection, revisionBefore: base.revision, revisionAfter: this.currentRevision });
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
