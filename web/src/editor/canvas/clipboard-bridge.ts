import { copySelection, deleteSelection, paste, parseClipboard, PASTE_OFFSET, type EditorStore } from '@architech/editor-core';

type Pending = 'copy' | 'cut' | 'paste';

/**
 * Copy, cut and paste between the canvas and the system clipboard.
 *
 * The browser's `copy`/`cut`/`paste` events are the reliable way in and out: they carry
 * `clipboardData` synchronously and need no permission prompt. A shortcut arms a fallback for
 * browsers (and headless runs) where no such event reaches the canvas: right after the key event it
 * uses `navigator.clipboard`, and when that is missing or refused, an in-memory clipboard, so
 * Ctrl+C then Ctrl+V works inside the canvas whatever the environment allows.
 */
export class ClipboardBridge {
  private memory: string | undefined;
  private pending: Pending | undefined;
  /** How many times the same text was pasted in a row: each paste lands one offset further. */
  private pasteRun = { text: '', count: 0 };

  constructor(
    private readonly store: EditorStore,
    private readonly message: (text: string) => void,
  ) {}

  /** A copy/cut/paste shortcut was pressed; the matching clipboard event should follow. */
  arm(kind: Pending): void {
    this.pending = kind;
    setTimeout(() => {
      if (this.pending !== kind) return;
      this.pending = undefined;
      void this.fallback(kind);
    }, 0);
  }

  /** The `copy` event: puts the selection on the clipboard. */
  onCopy(event: ClipboardEvent): void {
    const text = this.takeSelection();
    if (text === undefined) return;
    this.pending = undefined;
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  }

  /** The `cut` event: copies, then deletes the selection (unless read-only). */
  onCut(event: ClipboardEvent, readOnly: boolean): void {
    this.onCopy(event);
    if (!readOnly) this.store.dispatch(deleteSelection());
  }

  /**
   * The `paste` event: pastes Architech clipboard text. After Ctrl/⌘+V, other text falls back to
   * what the canvas copied last; a paste nobody asked for (Linux middle click) pastes nothing else.
   */
  onPaste(event: ClipboardEvent): void {
    const fromShortcut = this.pending === 'paste';
    this.pending = undefined;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!fromShortcut && parseClipboard(text) === undefined) return;
    event.preventDefault();
    this.pasteText(text);
  }

  private async fallback(kind: Pending): Promise<void> {
    if (kind === 'paste') {
      this.pasteText(await readSystemClipboard());
      return;
    }
    const text = this.takeSelection();
    if (text === undefined) return;
    if (kind === 'cut') this.store.dispatch(deleteSelection());
    await navigator.clipboard?.writeText(text).catch(() => undefined);
  }

  /** The selection as clipboard text, remembered in memory too. */
  private takeSelection(): string | undefined {
    const text = copySelection(this.store.getState());
    if (text !== undefined) this.memory = text;
    return text;
  }

  private pasteText(systemText: string): void {
    const text = parseClipboard(systemText) !== undefined ? systemText : this.memory;
    if (text === undefined) {
      this.message('The clipboard holds no Architech components to paste.');
      return;
    }
    this.pasteRun = text === this.pasteRun.text ? { text, count: this.pasteRun.count + 1 } : { text, count: 1 };
    const n = this.pasteRun.count;
    const outcome = this.store.dispatch(paste(text, { x: PASTE_OFFSET.x * n, y: PASTE_OFFSET.y * n }));
    if (!outcome.ok) this.message(outcome.message);
  }
}

async function readSystemClipboard(): Promise<string> {
  try {
    return (await navigator.clipboard?.readText()) ?? '';
  } catch {
    return '';
  }
}
