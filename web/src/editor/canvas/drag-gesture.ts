import { boxesIntersect, boxFromCorners, componentBox, moveComponents, snapBox, type Box, type EditorStore, type Point } from '@architech/editor-core';
import type { CanvasScene } from './canvas-scene';
import type { DragGesture } from './gesture-state';
import { boxOf } from './scene-model';
import { GRID_SIZE } from './theme';

/**
 * Starts dragging the selection (and `id`, the card pressed): the cards move to the drag layer, and
 * the cards on screen become what the drag snaps to.
 */
export function beginDrag(store: EditorStore, scene: CanvasScene, id: string, downWorld: Point): DragGesture {
  const selection = store.getState().selection;
  const ids = new Set(scene.model.cards.filter((card) => selection.has(card.id) || card.id === id).map((card) => card.id));
  scene.beginDrag(ids);
  scene.setHover(undefined);
  // Snap against what is on screen: guides to cards out of sight would only puzzle.
  const view = viewBox(scene);
  const others = scene.model.staticCards.map((card) => boxOf(card, { x: 0, y: 0 })).filter((box) => boxesIntersect(box, view));
  const grabbed = componentBox(scene.model.card(id)!.component);
  return { kind: 'dragging', ids, downWorld, grabbed, others, applied: { x: 0, y: 0 } };
}

/** Moves the dragged group to the snapped position (free with Alt); the store hears of it only when it changes. */
export function dragTo(store: EditorStore, scene: CanvasScene, g: DragGesture, world: Point, free: boolean): void {
  const moved = { ...g.grabbed, x: g.grabbed.x + world.x - g.downWorld.x, y: g.grabbed.y + world.y - g.downWorld.y };
  const snapped = free ? { position: moved, guides: [] } : snapBox(moved, g.others, { zoom: scene.camera.zoom, gridSize: GRID_SIZE });
  const offset = { x: snapped.position.x - g.grabbed.x, y: snapped.position.y - g.grabbed.y };
  if (offset.x !== g.applied.x || offset.y !== g.applied.y) {
    store.dispatch(moveComponents({ ids: g.ids, dx: offset.x - g.applied.x, dy: offset.y - g.applied.y }));
    g.applied = offset;
    scene.setDragOffset(offset);
  }
  scene.setGuides(snapped.guides);
}

function viewBox(scene: CanvasScene): Box {
  const topLeft = scene.toWorld({ x: 0, y: 0 });
  const bottomRight = scene.toWorld({ x: scene.canvasSize.width, y: scene.canvasSize.height });
  return boxFromCorners(topLeft, bottomRight);
}
