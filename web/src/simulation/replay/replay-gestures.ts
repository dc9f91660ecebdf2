import type { Point } from '@architech/editor-core';
import type { ReplayStage } from './replay-stage';

/** Wheel zoom speed: a mouse notch (100 px of delta) zooms by ~16 %; pinches send small deltas with Ctrl (as in the editor). */
const WHEEL_ZOOM_PER_PX = 0.0015;
const PINCH_ZOOM_PER_PX = 0.01;
const MAX_WHEEL_STEP = 0.3;

/** What the pointer reports besides moving the camera. */
export interface GestureCallbacks {
  /** The card under the pointer changed (−1: none), with the pointer's place in the canvas. */
  onHover(card: number, at: Point): void;
}

/**
 * The replay canvas's pointer handling: drag (any button) pans, the wheel zooms at the cursor,
 * a sideways swipe pans, a double click fits the design. Nothing can be selected or moved: the
 * design is read only here. Returns the function that detaches the listeners.
 */
export function attachReplayGestures(host: HTMLElement, stage: ReplayStage, callbacks: GestureCallbacks): () => void {
  let dragging: { last: Point; pointerId: number } | undefined;
  let hovered = -1;
  const local = (event: MouseEvent): Point => {
    const rect = host.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const hover = (card: number, at: Point) => {
    if (card === hovered) return;
    hovered = card;
    callbacks.onHover(card, at);
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 && event.button !== 1) return;
    event.preventDefault();
    dragging = { last: local(event), pointerId: event.pointerId };
    host.setPointerCapture(event.pointerId);
    host.style.cursor = 'grabbing';
    hover(-1, dragging.last);
  };
  const onPointerMove = (event: PointerEvent) => {
    const at = local(event);
    if (dragging === undefined) {
      const card = stage.cardAt(at);
      host.style.cursor = card >= 0 ? 'default' : 'grab';
      hover(card, at);
      return;
    }
    stage.panBy(at.x - dragging.last.x, at.y - dragging.last.y);
    dragging.last = at;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (dragging === undefined || event.pointerId !== dragging.pointerId) return;
    if (host.hasPointerCapture(event.pointerId)) host.releasePointerCapture(event.pointerId);
    dragging = undefined;
    host.style.cursor = 'grab';
  };
  const onLeave = () => {
    if (dragging === undefined) hover(-1, { x: 0, y: 0 });
  };
  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? host.clientHeight : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    const pinch = event.ctrlKey || event.metaKey;
    if (!pinch && Math.abs(dx) > Math.abs(dy)) {
      stage.panBy(-dx, 0);
      return;
    }
    const step = Math.max(-MAX_WHEEL_STEP, Math.min(MAX_WHEEL_STEP, -dy * (pinch ? PINCH_ZOOM_PER_PX : WHEEL_ZOOM_PER_PX)));
    stage.zoomAt(local(event), Math.exp(step));
  };
  const onDoubleClick = () => stage.fit();
  // A middle-button press pans; it must not also start the browser's auto-scroll.
  const onMouseDown = (event: MouseEvent) => event.button === 1 && event.preventDefault();

  host.style.cursor = 'grab';
  host.addEventListener('pointerdown', onPointerDown);
  host.addEventListener('pointermove', onPointerMove);
  host.addEventListener('pointerup', onPointerUp);
  host.addEventListener('pointercancel', onPointerUp);
  host.addEventListener('pointerleave', onLeave);
  host.addEventListener('wheel', onWheel, { passive: false });
  host.addEventListener('dblclick', onDoubleClick);
  host.addEventListener('mousedown', onMouseDown);
  return () => {
    host.removeEventListener('pointerdown', onPointerDown);
    host.removeEventListener('pointermove', onPointerMove);
    host.removeEventListener('pointerup', onPointerUp);
    host.removeEventListener('pointercancel', onPointerUp);
    host.removeEventListener('pointerleave', onLeave);
    host.removeEventListener('wheel', onWheel);
    host.removeEventListener('dblclick', onDoubleClick);
    host.removeEventListener('mousedown', onMouseDown);
  };
}
