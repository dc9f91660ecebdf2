import { addComponent, COMPONENT_SIZE, fitToScreen, screenToWorld, zoomAt, type EditorStore, type Point, type Size } from '@architech/editor-core';
import type { CanvasOverlays } from '../overlays';
import type { CanvasHandle } from './canvas-handle';
import { CanvasScene } from './canvas-scene';
import { ClipboardBridge } from './clipboard-bridge';
import { carriesComponent, droppedCatalogueId, droppedComponentType } from './component-drag';
import { paletteComponent } from '../catalogue-palette';
import { exportDesignPng } from './export-png';
import { handleShortcut, handleShortcutRelease, pageShortcutAllowed, type ShortcutHost } from './keyboard-shortcuts';
import { PointerGestures } from './pointer-gestures';
import { installTestHook } from './test-hook';
import { GRID_SIZE } from './theme';
import { wheelCommand } from './wheel-navigation';

/** The callbacks and flags of `EditorCanvas`, read fresh on every event (the page may re-render with new ones). */
export interface CanvasCallbacks {
  readonly readOnly?: boolean;
  readonly onOpenComponent?: (id: string) => void;
  readonly onMessage?: (text: string) => void;
}

/** Where the controller lives in the DOM and what it drives. */
export interface CanvasControllerOptions {
  readonly store: EditorStore;
  /** The focusable element: keyboard, clipboard and palette drops. */
  readonly wrapper: HTMLElement;
  /** The Konva container: pointer, wheel, double-click. */
  readonly host: HTMLDivElement;
  readonly callbacks: () => CanvasCallbacks;
  /** Told the canvas size whenever it changes (for the minimap). */
  readonly onResize: (size: Size) => void;
}


/**
 * Connects a store to a {@link CanvasScene} and to the DOM: store subscription, resize, pointer,
 * wheel, keyboard, clipboard and palette drops. Framework-free, so `EditorCanvas` stays a thin
 * React shell that creates one on mount and destroys it on unmount.
 */
export class CanvasController implements CanvasHandle {
  readonly scene: CanvasScene;
  private readonly gestures: PointerGestures;
  private readonly clipboard: ClipboardBridge;
  private readonly shortcuts: ShortcutHost;
  private readonly cleanups: (() => void)[] = [];
  private spaceHeld = false;

  constructor(private readonly options: CanvasControllerOptions) {
    const { store, host, wrapper } = options;
    this.scene = new CanvasScene(host);
    this.clipboard = new ClipboardBridge(store, (text) => this.message(text));
    this.gestures = new PointerGestures({
      store,
      scene: this.scene,
      isReadOnly: () => this.readOnly,
      isSpaceHeld: () => this.spaceHeld,
      message: (text) => this.message(text),
      setCursor: (cursor) => {
        if (host.style.cursor !== cursor) host.style.cursor = cursor;
      },
      setTooltip: (text) => {
        if (text === undefined) wrapper.removeAttribute('title');
        else if (wrapper.title !== text) wrapper.title = text;
      },
    });
    this.shortcuts = {
      store,
      gestures: this.gestures,
      clipboard: this.clipboard,
      isReadOnly: () => this.readOnly,
      fitToScreen: () => this.fitToScreen(),
      zoomBy: (factor) => this.zoomBy(factor),
      setSpaceHeld: (held) => this.setSpaceHeld(held),
    };
    this.resize();
    this.scene.sync(store.getState());
    this.scene.showHandles(!this.readOnly);
    this.cleanups.push(store.subscribe(() => this.scene.sync(store.getState())));

    const observer = new ResizeObserver(() => this.resize());
    observer.observe(host);
    this.cleanups.push(() => observer.disconnect());

    this.listen(host, 'pointerdown', (e) => this.onPointerDown(e));
    this.listen(host, 'pointermove', (e) => this.gestures.move(e, this.local(e)));
    this.listen(host, 'pointerup', (e) => this.onPointerUp(e));
    this.listen(host, 'pointercancel', (e) => this.onPointerUp(e));
    this.listen(host, 'lostpointercapture', (e) => this.onPointerUp(e));
    this.listen(host, 'pointerleave', () => this.gestures.leave());
    // A middle-button press pans; it must not also start the browser's auto-scroll.
    this.listen(host, 'mousedown', (e) => e.button === 1 && e.preventDefault());
    this.listen(host, 'wheel', (e) => this.onWheel(e), { passive: false });
    this.listen(host, 'dblclick', (e) => this.onDoubleClick(e));
    this.listen(wrapper, 'keydown', (e) => this.onKeyDown(e));
    // Shortcuts also work when the focus is elsewhere on the editor page (a toolbar button after
    // Import, the page after a dialog closed) — never while a text field or a dialog has it.
    const onPageKey = (e: KeyboardEvent) => this.onPageKeyDown(e);
    document.addEventListener('keydown', onPageKey);
    this.cleanups.push(() => document.removeEventListener('keydown', onPageKey));
    this.listen(wrapper, 'keyup', (e) => handleShortcutRelease(e, this));
    this.listen(wrapper, 'blur', () => this.setSpaceHeld(false));
    this.listen(wrapper, 'copy', (e) => this.clipboard.onCopy(e));
    this.listen(wrapper, 'cut', (e) => this.clipboard.onCut(e, this.readOnly));
    this.listen(wrapper, 'paste', (e) => !this.readOnly && this.clipboard.onPaste(e));
    this.listen(wrapper, 'dragover', (e) => this.onDragOver(e));
    this.listen(wrapper, 'drop', (e) => this.onDrop(e));
    this.listen(wrapper, 'dragleave', (e) => {
      if (!wrapper.contains(e.relatedTarget as Node | null)) this.scene.setDropPreview(undefined);
    });
    // Only the test build (`vite build --mode test-hooks`) publishes `window.__architech`: Vite writes
    // the mode in as a literal, so a production build drops this branch and the hook's module.
    if (import.meta.env.MODE === 'test-hooks') {
      this.cleanups.push(
        installTestHook(store, this.scene.stage, () =>
          this.scene.model.routes.map((r) => ({ id: r.id, points: r.points, ...(r.label ? { label: r.label.text } : {}), ...(r.optional ? { optional: true } : {}) })),
        ),
      );
    }
  }

  exportPng(): Promise<Blob> {
    return exportDesignPng(this.scene.model);
  }

  fitToScreen(): void {
    this.options.store.dispatch(fitToScreen({ canvas: this.scene.canvasSize }));
  }

  viewportCenterWorld(): Point {
    const { width, height } = this.scene.canvasSize;
    return screenToWorld(this.options.store.getState().viewport, { x: width / 2, y: height / 2 });
  }

  focus(): void {
    this.options.wrapper.focus({ preventScroll: true });
  }

  /** Zooms by `factor` round the centre of the canvas (the + and − keys). */
  zoomBy(factor: number): void {
    const { width, height } = this.scene.canvasSize;
    const zoom = this.options.store.getState().viewport.zoom;
    this.options.store.dispatch(zoomAt({ x: width / 2, y: height / 2 }, zoom * factor));
  }

  setSpaceHeld(held: boolean): void {
    if (held === this.spaceHeld) return;
    this.spaceHeld = held;
    this.gestures.refreshCursor();
  }

  /** New overlays from the page. */
  setOverlays(overlays: CanvasOverlays): void {
    this.scene.setOverlays(overlays);
  }

  /** The page switched read-only on or off: a gesture in progress is abandoned, handles shown or hidden. */
  refreshReadOnly(): void {
    if (this.readOnly) this.gestures.cancel();
    this.scene.showHandles(!this.readOnly);
  }

  /** Detaches every listener and releases the stage. */
  destroy(): void {
    this.gestures.cancel();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.scene.destroy();
  }

  private get readOnly(): boolean {
    return this.options.callbacks().readOnly === true;
  }

  private message(text: string): void {
    this.options.callbacks().onMessage?.(text);
  }

  private resize(): void {
    const { clientWidth, clientHeight } = this.options.host;
    this.scene.resize({ width: clientWidth, height: clientHeight });
    this.options.onResize(this.scene.canvasSize);
  }

  private local(event: MouseEvent): Point {
    const rect = this.options.host.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private onPointerDown(event: PointerEvent): void {
    this.focus();
    if (!this.gestures.down(event, this.local(event))) return;
    this.options.host.setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private onPointerUp(event: PointerEvent): void {
    if (!this.gestures.active) return;
    this.gestures.up(this.local(event));
    if (this.options.host.hasPointerCapture(event.pointerId)) this.options.host.releasePointerCapture(event.pointerId);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const { store } = this.options;
    store.dispatch(wheelCommand(event, this.local(event), store.getState().viewport, this.scene.canvasSize.height));
  }

  private onDoubleClick(event: MouseEvent): void {
    const world = this.scene.toWorld(this.local(event));
    if (this.gestures.doubleClick(world)) return;
    const hit = this.scene.hitTest(world, false);
    if (hit?.kind === 'component') this.options.callbacks().onOpenComponent?.(hit.id);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.target !== this.options.wrapper) return;
    if (handleShortcut(event, this.shortcuts)) event.preventDefault();
  }

  private onPageKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const wrapper = this.options.wrapper;
    if (!target || target === wrapper || event.defaultPrevented || !wrapper.isConnected) return;
    if (!pageShortcutAllowed(target, event)) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && (key === 'c' || key === 'x' || key === 'v')) {
      // A text selection on the page keeps the browser's own copy.
      if (key !== 'v' && !(window.getSelection()?.isCollapsed ?? true)) return;
      // The clipboard event that follows goes to the focused element: make that the canvas.
      this.focus();
    }
    if (handleShortcut(event, this.shortcuts)) event.preventDefault();
  }

  private onDragOver(event: DragEvent): void {
    if (this.readOnly || !carriesComponent(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.scene.setDropPreview({ ...this.dropPosition(event), ...COMPONENT_SIZE });
  }

  /** Where a component dropped at the pointer lands: centred on it, snapped to the grid. */
  private dropPosition(event: DragEvent): Point {
    const world = this.scene.toWorld(this.local(event));
    return {
      x: Math.round((world.x - COMPONENT_SIZE.width / 2) / GRID_SIZE) * GRID_SIZE,
      y: Math.round((world.y - COMPONENT_SIZE.height / 2) / GRID_SIZE) * GRID_SIZE,
    };
  }

  /** A palette item dropped: the new component is centred on the drop point. */
  private onDrop(event: DragEvent): void {
    const type = droppedComponentType(event.dataTransfer);
    if (this.readOnly || type === undefined) return;
    event.preventDefault();
    this.scene.setDropPreview(undefined);
    const input = paletteComponent({ type, catalogueId: droppedCatalogueId(event.dataTransfer) });
    if (input) this.options.store.dispatch(addComponent({ ...input, position: this.dropPosition(event) }));
    this.focus();
  }

  private listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => unknown,
    options?: AddEventListenerOptions,
  ): void {
    const wrapped = (event: HTMLElementEventMap[K]) => void listener(event);
    target.addEventListener(type, wrapped, options);
    this.cleanups.push(() => target.removeEventListener(type, wrapped, options));
  }
}
