import { boxContains, boxFromCorners, connect, panBy, selectByClick, selectByRectangle, setSelection, type EditorStore, type Point } from '@architech/editor-core';
import { withBendMoved, withNewBend, withoutBend } from './bend-points';
import type { CanvasScene } from './canvas-scene';
import { beginDrag, dragTo } from './drag-gesture';
import { cursorFor, IDLE, travelled, type Gesture } from './gesture-state';
import { handlePoint, type Hit } from './hit-test';
import { boxOf } from './scene-model';
import { setWaypoints } from './waypoints';

/** What the pointer gestures need from the canvas around them. */
export interface GestureHost {
  readonly store: EditorStore;
  readonly scene: CanvasScene;
  isReadOnly(): boolean;
  /** Whether the space bar is held (space + drag pans). */
  isSpaceHeld(): boolean;
  /** A short message for the user (a refused connection). */
  message(text: string): void;
  setCursor(cursor: string): void;
  /** The hover tooltip: a component's full name and type, or nothing. */
  setTooltip(text: string | undefined): void;
}

/**
 * The canvas's pointer state machine (tldraw's "tool states", in miniature): press, then either a
 * click or a drag, decided by `DRAG_THRESHOLD_PX`. Every change goes through editor-core
 * commands so undo and redo see it; a component drag is one store transaction, hence one undo step.
 *
 * | press on               | click                          | drag                                  |
 * |------------------------|--------------------------------|---------------------------------------|
 * | component              | select (Shift toggles)         | move the selection, snapped           |
 * | connection             | select (Shift toggles)         | bend it: a new bend point follows     |
 * | bend point (selected)  | —                              | move it (snapped; Alt: free)          |
 * | handle (right edge)    | —                              | rubber arrow; release on a card = connect |
 * | empty canvas           | clear selection (not w/ Shift) | rubber band (Shift adds)              |
 * | middle button, Space+  | —                              | pan                                   |
 */
export class PointerGestures {
  private gesture: Gesture = IDLE;

  constructor(private readonly host: GestureHost) {}

  /** Whether a press is in progress (keyboard edits wait until it ends). */
  get active(): boolean {
    return this.gesture.kind !== 'idle';
  }

  /** Starts a gesture; false when the press is not one the canvas handles. */
  down(event: PointerEvent, screen: Point): boolean {
    if (this.active) return false;
    const { store, scene } = this.host;
    if (event.button === 1 || (event.button === 0 && this.host.isSpaceHeld())) {
      this.gesture = { kind: 'panning', last: screen };
      this.refreshCursor();
      return true;
    }
    if (event.button !== 0) return false;
    const world = scene.toWorld(screen);
    const readOnly = this.host.isReadOnly();
    const hit = scene.hitTest(world, !readOnly);
    const shift = event.shiftKey;
    scene.showHandles(false);
    if (hit?.kind === 'handle') {
      const card = scene.model.card(hit.id)!;
      this.gesture = { kind: 'connecting', sourceId: hit.id, from: handlePoint(card), target: undefined };
      scene.setHover(undefined);
      this.updateConnecting(world);
    } else if (hit?.kind === 'component') {
      const wasSelected = store.getState().selection.has(hit.id);
      // Select on press so that a drag that follows moves what was pressed.
      if (!wasSelected) store.dispatch(selectByClick(hit.id, { shift }));
      if (!readOnly) store.beginTransaction();
      this.gesture = { kind: 'pointing-component', id: hit.id, downScreen: screen, downWorld: world, shift, wasSelected };
    } else if (hit?.kind === 'bend') {
      store.beginTransaction();
      this.gesture = { kind: 'bending', id: hit.id, index: hit.index };
    } else if (hit?.kind === 'connection') {
      this.gesture = { kind: 'pointing-connection', id: hit.id, shift, downScreen: screen, downWorld: world };
    } else {
      this.gesture = { kind: 'pointing-canvas', downScreen: screen, downWorld: world, shift };
    }
    this.refreshCursor();
    return true;
  }

  move(event: PointerEvent, screen: Point): void {
    const { scene } = this.host;
    const world = scene.toWorld(screen);
    const g = this.gesture;
    switch (g.kind) {
      case 'idle':
        this.hover(world);
        return;
      case 'pointing-component':
        if (!this.host.isReadOnly() && travelled(g.downScreen, screen)) this.startDrag(g.id, g.downWorld, world, event.altKey);
        return;
      case 'dragging':
        dragTo(this.host.store, scene, g, world, event.altKey);
        return;
      case 'pointing-canvas':
        if (travelled(g.downScreen, screen)) {
          this.gesture = { kind: 'rubber-band', downWorld: g.downWorld, shift: g.shift };
          this.updateBand(g.downWorld, world);
        }
        return;
      case 'rubber-band':
        this.updateBand(g.downWorld, world);
        return;
      case 'connecting':
        this.updateConnecting(world);
        return;
      case 'panning':
        this.host.store.dispatch(panBy(screen.x - g.last.x, screen.y - g.last.y));
        g.last = screen;
        return;
      case 'pointing-connection':
        // Dragging a connection bends it: a new bend point follows the pointer.
        if (!this.host.isReadOnly() && !g.shift && travelled(g.downScreen, screen)) this.startBend(g.id, g.downWorld, world);
        return;
      case 'bending':
        this.moveBend(g, world, event.altKey);
        return;
    }
  }

  private startBend(id: string, downWorld: Point, world: Point): void {
    const { store, scene } = this.host;
    const bend = withNewBend(scene.model, id, downWorld, world);
    if (bend === undefined) return;
    store.dispatch(setSelection([id]));
    store.beginTransaction();
    store.dispatch(setWaypoints(id, bend.points));
    this.gesture = { kind: 'bending', id, index: bend.index };
    this.refreshCursor();
  }

  private moveBend(g: { id: string; index: number }, world: Point, free: boolean): void {
    const points = withBendMoved(this.host.scene.model, g.id, g.index, world, free);
    if (points !== undefined) this.host.store.dispatch(setWaypoints(g.id, points));
  }

  /** A double-click on a bend point removes it; on a connection, adds one there. True when it did. */
  doubleClick(world: Point): boolean {
    if (this.host.isReadOnly()) return false;
    const { store, scene } = this.host;
    const hit = scene.hitTest(world, true);
    if (hit?.kind === 'bend') {
      const points = withoutBend(scene.model, hit.id, hit.index);
      if (points === undefined) return false;
      store.dispatch(setWaypoints(hit.id, points));
      return true;
    }
    if (hit?.kind === 'connection') {
      const bend = withNewBend(scene.model, hit.id, world, world);
      if (bend === undefined) return false;
      store.dispatch(setSelection([hit.id]));
      store.dispatch(setWaypoints(hit.id, bend.points));
      return true;
    }
    return false;
  }

  /** Ends the gesture: a click, a drop, a committed drag. */
  up(screen: Point): void {
    const { store, scene } = this.host;
    const world = scene.toWorld(screen);
    const g = this.gesture;
    this.gesture = IDLE;
    switch (g.kind) {
      case 'pointing-component':
        // A click on something already selected: Shift takes it out, a plain click keeps only it.
        if (g.wasSelected) store.dispatch(selectByClick(g.id, { shift: g.shift }));
        store.commitTransaction();
        break;
      case 'dragging':
        store.commitTransaction();
        scene.endDrag();
        break;
      case 'pointing-connection':
        store.dispatch(selectByClick(g.id, { shift: g.shift }));
        break;
      case 'bending':
        store.commitTransaction();
        break;
      case 'pointing-canvas':
        store.dispatch(selectByClick(null, { shift: g.shift }));
        break;
      case 'rubber-band':
        store.dispatch(selectByRectangle(g.downWorld, world, { additive: g.shift }));
        scene.setRubberBand(undefined);
        break;
      case 'connecting':
        scene.setConnecting(undefined);
        if (g.target !== undefined) {
          const outcome = store.dispatch(connect({ source: g.sourceId, target: g.target }));
          if (!outcome.ok) this.host.message(outcome.message);
        }
        break;
      case 'panning':
      case 'idle':
        break;
    }
    scene.showHandles(!this.host.isReadOnly());
    this.hover(world);
  }

  /** Abandons the gesture (Escape): a drag is undone, a band or arrow dropped. False when idle. */
  cancel(): boolean {
    const { store, scene } = this.host;
    const g = this.gesture;
    if (g.kind === 'idle') return false;
    this.gesture = IDLE;
    if (g.kind === 'dragging' || g.kind === 'pointing-component' || g.kind === 'bending') {
      store.cancelTransaction();
      scene.endDrag();
    }
    scene.setRubberBand(undefined);
    scene.setConnecting(undefined);
    scene.showHandles(!this.host.isReadOnly());
    this.refreshCursor();
    return true;
  }

  /** The pointer left the canvas while idle. */
  leave(): void {
    if (this.active) return;
    this.host.scene.setHover(undefined);
  }

  /** Sets the cursor for the current gesture, space bar and hover. */
  refreshCursor(hit?: Hit): void {
    this.host.setCursor(cursorFor(this.gesture.kind, hit, this.host.isReadOnly(), this.host.isSpaceHeld()));
  }

  private hover(world: Point): void {
    const hit = this.host.isSpaceHeld() ? undefined : this.host.scene.hitTest(world, !this.host.isReadOnly());
    this.host.scene.setHover(hit?.id);
    this.refreshCursor(hit);
    const card = hit?.kind === 'component' ? this.host.scene.model.card(hit.id) : undefined;
    this.host.setTooltip(card ? `${card.text.fullName} · ${card.text.label}` : undefined);
  }

  private startDrag(id: string, downWorld: Point, world: Point, free: boolean): void {
    const drag = beginDrag(this.host.store, this.host.scene, id, downWorld);
    this.gesture = drag;
    this.refreshCursor();
    dragTo(this.host.store, this.host.scene, drag, world, free);
  }

  private updateBand(from: Point, to: Point): void {
    const band = boxFromCorners(from, to);
    const { scene } = this.host;
    const inside = scene.model.cards.filter((card) => boxContains(band, boxOf(card, { x: 0, y: 0 }))).map((card) => card.id);
    scene.setRubberBand(band, new Set(inside));
  }

  private updateConnecting(world: Point): void {
    const g = this.gesture;
    if (g.kind !== 'connecting') return;
    const { scene, store } = this.host;
    const card = scene.cardAt(world, g.sourceId);
    g.target = card?.id;
    if (card === undefined) {
      scene.setConnecting({ from: g.from, to: world, valid: false });
      return;
    }
    const duplicate = store.getState().doc.connections.some((c) => c.source === g.sourceId && c.target === card.id);
    const box = boxOf(card, { x: 0, y: 0 });
    scene.setConnecting({
      from: g.from,
      to: { x: box.x, y: box.y + box.height / 2 },
      target: box,
      valid: card.type !== 'CLIENT' && !duplicate,
    });
  }
}
