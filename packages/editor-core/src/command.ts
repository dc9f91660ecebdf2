import type { EditorDocument } from './document';
import type { IdGenerator } from './ids';
import type { Viewport } from './viewport';

/** Everything the editor shows: the design, what is selected, and where the camera is. */
export interface EditorState {
  readonly doc: EditorDocument;
  /** Ids of selected components and connections. */
  readonly selection: ReadonlySet<string>;
  readonly viewport: Viewport;
}

/** What the editor is given from outside instead of reaching for globals. */
export interface EditorEnvironment {
  readonly createId: IdGenerator;
}

/** Why a command did nothing; `code` is stable, `message` names the ids involved. */
export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

/** The stable reasons a command can refuse. */
export type RefusalCode =
  | 'unknown_element'
  | 'self_loop'
  | 'invalid_target'
  | 'duplicate_connection'
  | 'not_an_object'
  | 'not_applicable'
  | 'invalid_clipboard';

/**
 * What a command wants done: the parts of the state it replaces, and whether the change is an undo
 * step of its own (`captureUndo`). Selection and viewport never enter the history; a document change
 * with `captureUndo: false` is not lost but joins the next undo step.
 */
export type CommandOutcome =
  | { readonly ok: true; readonly changes: Partial<EditorState>; readonly captureUndo: boolean }
  | Refusal;

/**
 * One user action, Excalidraw-style: a pure function of the state. Commands never mutate; the
 * store applies their changes, records history and notifies subscribers.
 *
 * @example store.dispatch(addComponent({ type: 'SERVICE', position: { x: 100, y: 80 } }))
 */
export interface Command {
  /** Kebab-case name, for debugging and telemetry (`add-component`). */
  readonly name: string;
  perform(state: EditorState, env: EditorEnvironment): CommandOutcome;
}

/** An outcome that changes nothing. */
export const NO_CHANGE: CommandOutcome = { ok: true, changes: {}, captureUndo: false };

/** An undoable change (it touches the document). */
export function edit(changes: Partial<EditorState>): CommandOutcome {
  return { ok: true, changes, captureUndo: true };
}

/** A change of selection or viewport only. */
export function view(changes: Pick<Partial<EditorState>, 'selection' | 'viewport'>): CommandOutcome {
  return { ok: true, changes, captureUndo: false };
}

/** A refusal with its reason. */
export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}

/** Whether two selections hold the same ids. */
export function sameSelection(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
