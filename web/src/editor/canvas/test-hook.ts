import type Konva from 'konva';
import type { EditorStore } from '@architech/editor-core';

/** What browser tests and the canvas benchmark read from the page: the store and the Konva stage. */
export interface ArchitechTestHook {
  readonly store: EditorStore;
  readonly stage: Konva.Stage;
  /** The drawn route of every connection: flat `[x0, y0, x1, y1, …]` in world units, and its label. */
  readonly routes?: () => { id: string; points: readonly number[]; label?: string; optional?: boolean }[];
}

declare global {
  interface Window {
    /** Set while an `EditorCanvas` is mounted (see `installTestHook`). */
    __architech?: ArchitechTestHook;
  }
}

/**
 * Publishes `window.__architech = { store, stage }` so end-to-end tests can read the editor's state
 * and a benchmark can measure frames; returns the function that removes it again (only if it is
 * still this canvas's, so a second canvas mounted meanwhile keeps its own).
 */
export function installTestHook(store: EditorStore, stage: Konva.Stage, routes?: ArchitechTestHook['routes']): () => void {
  const hook: ArchitechTestHook = { store, stage, ...(routes ? { routes } : {}) };
  window.__architech = hook;
  return () => {
    if (window.__architech === hook) delete window.__architech;
  };
}
