import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { EditorStore, Size } from '@architech/editor-core';
import type { CanvasOverlays } from '../overlays';
import { CanvasController, type CanvasCallbacks } from './canvas-controller';
import type { CanvasHandle } from './canvas-handle';
import { Minimap } from './minimap';
import './canvas.css';

export type { CanvasHandle } from './canvas-handle';

/** Props of {@link EditorCanvas}. */
export interface EditorCanvasProps {
  readonly store: EditorStore;
  /** Validation badges, preview badges and diff marks drawn over the design. */
  readonly overlays: CanvasOverlays;
  /** Selection, pan and zoom still work; nothing can be moved, connected, added or deleted. */
  readonly readOnly?: boolean;
  /** Called once the canvas is mounted, with what the page may ask of it. */
  readonly onReady?: (handle: CanvasHandle) => void;
  /** A component was double-clicked. */
  readonly onOpenComponent?: (id: string) => void;
  /** A short message for the user, e.g. why a connection was refused. */
  readonly onMessage?: (text: string) => void;
}

/**
 * The design canvas: renders the store's document with Konva (static, drag and interactive layers,
 * see `CanvasScene`) and turns pointer, wheel, keyboard, clipboard and palette drops into
 * editor-core commands, so undo and redo cover every edit. Fills its parent, which must be
 * positioned. While mounted it publishes `window.__architech = { store, stage }` for tests and benchmarks.
 *
 * @example
 * <div style={{ position: 'relative', height: 600 }}>
 *   <EditorCanvas store={store} overlays={{ issues: validation.byElement }} onReady={(h) => (canvas.current = h)} />
 * </div>
 */
export function EditorCanvas(props: EditorCanvasProps) {
  const { store, overlays, readOnly } = props;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<CanvasController | undefined>(undefined);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const helpId = useId();
  // The controller reads the latest callbacks on each event instead of being rebuilt when they change.
  const callbacks = useRef<CanvasCallbacks & Pick<EditorCanvasProps, 'onReady' | 'overlays'>>(props);
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    const controller = new CanvasController({
      store,
      wrapper: wrapperRef.current!,
      host: hostRef.current!,
      callbacks: () => callbacks.current,
      onResize: (next) => setSize((current) => (current.width === next.width && current.height === next.height ? current : next)),
    });
    controller.setOverlays(callbacks.current.overlays);
    controllerRef.current = controller;
    const handle: CanvasHandle = {
      exportPng: () => controller.exportPng(),
      fitToScreen: () => controller.fitToScreen(),
      viewportCenterWorld: () => controller.viewportCenterWorld(),
      focus: () => controller.focus(),
    };
    callbacks.current.onReady?.(handle);
    return () => {
      controllerRef.current = undefined;
      controller.destroy();
    };
  }, [store]);

  useEffect(() => controllerRef.current?.setOverlays(overlays), [overlays]);
  useEffect(() => controllerRef.current?.refreshReadOnly(), [readOnly]);

  return (
    <div
      ref={wrapperRef}
      className="editor-canvas"
      data-testid="editor-canvas"
      tabIndex={0}
      role="application"
      aria-label="Design canvas"
      aria-describedby={helpId}
    >
      <p id={helpId} className="sr-only">
        {readOnly
          ? 'Read only. Click to select, Ctrl+A selects all, Ctrl+C copies; wheel zooms, Space or middle button plus drag pans, Shift+1 fits to screen.'
          : 'Drag components to move them, drag from a component’s right handle to connect it. Arrow keys nudge the selection, Delete removes it, Ctrl+Z undoes, Ctrl+C, X, V and D copy, cut, paste and duplicate; wheel zooms, Space plus drag pans, Shift+1 fits to screen.'}
      </p>
      <div ref={hostRef} className="editor-canvas__stage" />
      {size.width > 360 && size.height > 240 && <Minimap store={store} canvasSize={size} />}
    </div>
  );
}
