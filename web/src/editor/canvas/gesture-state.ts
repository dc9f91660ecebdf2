import type { Box, Point } from '@architech/editor-core';
import type { Hit } from './hit-test';
import { DRAG_THRESHOLD_PX } from './theme';

/** The state of the canvas's pointer state machine (`PointerGestures`). */
export type Gesture =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pointing-component'; readonly id: string; readonly downScreen: Point; readonly downWorld: Point; readonly shift: boolean; readonly wasSelected: boolean }
  | DragGesture
  | { readonly kind: 'pointing-connection'; readonly id: string; readonly shift: boolean; readonly downScreen: Point; readonly downWorld: Point }
  | { readonly kind: 'bending'; readonly id: string; readonly index: number }
  | { readonly kind: 'pointing-canvas'; readonly downScreen: Point; readonly downWorld: Point; readonly shift: boolean }
  | { readonly kind: 'rubber-band'; readonly downWorld: Point; readonly shift: boolean }
  | { readonly kind: 'connecting'; readonly sourceId: string; readonly from: Point; target: string | undefined }
  | { readonly kind: 'panning'; last: Point };

/** Components being dragged: where the press was, the grabbed card's box, the boxes to snap to, and the offset the store has. */
export interface DragGesture {
  readonly kind: 'dragging';
  readonly ids: ReadonlySet<string>;
  readonly downWorld: Point;
  readonly grabbed: Box;
  readonly others: readonly Box[];
  applied: Point;
}

export const IDLE: Gesture = { kind: 'idle' };

/** Whether the pointer went far enough from the press for a drag rather than a click. */
export function travelled(from: Point, to: Point): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) > DRAG_THRESHOLD_PX;
}

/** The cursor for a gesture, the thing under the pointer, and whether the canvas is read-only or Space is held. */
export function cursorFor(gesture: Gesture['kind'], hit: Hit | undefined, readOnly: boolean, spaceHeld: boolean): string {
  if (gesture === 'panning') return 'grabbing';
  if (gesture === 'connecting') return 'crosshair';
  if (gesture === 'dragging' || gesture === 'bending') return 'grabbing';
  if (hit?.kind === 'bend') return 'move';
  if (spaceHeld) return 'grab';
  if (hit?.kind === 'handle') return 'crosshair';
  if (hit?.kind === 'component') return readOnly ? 'pointer' : 'move';
  if (hit?.kind === 'connection') return 'pointer';
  return 'default';
}
