import { panBy, zoomAt, type Command, type Point, type Viewport } from '@architech/editor-core';

/** Wheel zoom speed: a mouse notch (100 px of delta) zooms by ~16 %; pinches send small deltas with Ctrl. */
const WHEEL_ZOOM_PER_PX = 0.0015;
const PINCH_ZOOM_PER_PX = 0.01;
/** The largest zoom step one wheel event may take (e^0.3 ≈ ×1.35). */
const MAX_WHEEL_STEP = 0.3;

/**
 * What a wheel event over the canvas does: a sideways trackpad swipe (or Shift+wheel) pans;
 * everything else zooms to the cursor `at` (screen px), a pinch (Ctrl/⌘ + wheel) at its own
 * sensitivity, each event's step capped. `pageHeightPx` sizes a page-mode delta.
 */
export function wheelCommand(event: Pick<WheelEvent, 'deltaMode' | 'deltaX' | 'deltaY' | 'ctrlKey' | 'metaKey'>, at: Point, viewport: Viewport, pageHeightPx: number): Command {
  const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? pageHeightPx : 1;
  const dx = event.deltaX * unit;
  const dy = event.deltaY * unit;
  const pinch = event.ctrlKey || event.metaKey;
  if (!pinch && Math.abs(dx) > Math.abs(dy)) return panBy(-dx, 0);
  // Ctrl + a mouse wheel sends whole notches at pinch sensitivity: cap each event's step.
  const step = Math.max(-MAX_WHEEL_STEP, Math.min(MAX_WHEEL_STEP, -dy * (pinch ? PINCH_ZOOM_PER_PX : WHEEL_ZOOM_PER_PX)));
  return zoomAt(at, viewport.zoom * Math.exp(step));
}
