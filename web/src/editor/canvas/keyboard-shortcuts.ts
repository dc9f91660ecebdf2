import { deleteSelection, duplicateSelection, moveComponents, selectAll, setSelection, type EditorStore } from '@architech/editor-core';
import type { ClipboardBridge } from './clipboard-bridge';
import type { PointerGestures } from './pointer-gestures';
import { GRID_SIZE } from './theme';

/** What the shortcuts act on. */
export interface ShortcutHost {
  readonly store: EditorStore;
  readonly gestures: PointerGestures;
  readonly clipboard: ClipboardBridge;
  isReadOnly(): boolean;
  fitToScreen(): void;
  /** Zooms by `factor` round the centre of the canvas. */
  zoomBy(factor: number): void;
  setSpaceHeld(held: boolean): void;
}

/** Zoom step of the + and − keys. */
const KEY_ZOOM_FACTOR = 1.2;

const NUDGES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The canvas's keyboard shortcuts (when it has focus). Returns whether the key was used.
 *
 * | keys                                   | action                                   |
 * |----------------------------------------|------------------------------------------|
 * | Delete, Backspace                      | delete the selection                     |
 * | Ctrl/⌘+Z · Shift+Ctrl/⌘+Z, Ctrl+Y      | undo · redo                              |
 * | Ctrl/⌘+C, X, V                         | copy, cut, paste (system clipboard)      |
 * | Ctrl/⌘+D · Ctrl/⌘+A                    | duplicate · select all                   |
 * | arrows (Shift: ×20)                    | nudge the selection by 1 px (20 px)      |
 * | Escape                                 | cancel the gesture, else clear selection |
 * | Shift+1 · + · −                        | fit to screen · zoom in · zoom out       |
 * | Space (held)                           | drag pans                                |
 *
 * Read-only canvases keep selection, copy and the camera keys only.
 */
export function handleShortcut(event: KeyboardEvent, host: ShortcutHost): boolean {
  const { store, gestures, clipboard } = host;
  const readOnly = host.isReadOnly();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;

  if (event.code === 'Space' && !mod) {
    host.setSpaceHeld(true);
    return true;
  }
  if (key === 'Escape') {
    if (!gestures.cancel()) store.dispatch(setSelection([]));
    return true;
  }
  // No edits in the middle of a press: a drag owns the open transaction.
  if (gestures.active) return false;

  if (mod && !event.altKey) {
    switch (key) {
      case 'z':
        if (!readOnly) {
          if (event.shiftKey) store.redo();
          else store.undo();
        }
        return true;
      case 'y':
        if (!readOnly) store.redo();
        return true;
      case 'c':
        clipboard.arm('copy');
        return false; // let the browser fire its `copy` event
      case 'x':
        if (!readOnly) clipboard.arm('cut');
        return false;
      case 'v':
        if (!readOnly) clipboard.arm('paste');
        return false;
      case 'd':
        if (!readOnly) store.dispatch(duplicateSelection());
        return true;
      case 'a':
        store.dispatch(selectAll());
        return true;
      default:
        return false;
    }
  }

  if (key === 'Delete' || key === 'Backspace') {
    if (!readOnly) store.dispatch(deleteSelection());
    return true;
  }
  const nudge = NUDGES[key];
  if (nudge !== undefined) {
    const step = event.shiftKey ? GRID_SIZE : 1;
    if (!readOnly) store.dispatch(moveComponents({ dx: nudge[0] * step, dy: nudge[1] * step }));
    return true;
  }
  if (event.code === 'Digit1' && event.shiftKey) {
    host.fitToScreen();
    return true;
  }
  if (key === '+' || key === '=') {
    host.zoomBy(KEY_ZOOM_FACTOR);
    return true;
  }
  if (key === '-' || key === '_') {
    host.zoomBy(1 / KEY_ZOOM_FACTOR);
    return true;
  }
  return false;
}

/** Key releases: the end of a Space hold. */
export function handleShortcutRelease(event: KeyboardEvent, host: Pick<ShortcutHost, 'setSpaceHeld'>): void {
  if (event.code === 'Space') host.setSpaceHeld(false);
}

/**
 * Whether a key pressed with the focus outside the canvas is the editor's: not while a text field,
 * a list box or a dialog has the focus, not Space/Enter (they press the focused button), and only
 * on the editor page itself.
 */
export function pageShortcutAllowed(target: HTMLElement, event: Pick<KeyboardEvent, 'key' | 'code'>): boolean {
  if (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"], [role="slider"], [role="listbox"], [role="menu"]')) return false;
  if (document.querySelector('dialog[open]') || target.closest('dialog, [role="dialog"]')) return false;
  if (event.key === ' ' || event.key === 'Enter' || event.code === 'Space') return false;
  // The fault timeline and other widgets use arrows themselves when focused.
  if (event.key.startsWith('Arrow') && target !== document.body) return false;
  return target === document.body || target.closest('.editor-shell') !== null;
}
