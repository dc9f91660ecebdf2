import type Konva from 'konva';
import type { Viewport } from '@architech/editor-core';
import { GRID_SIZE } from './theme';

/**
 * Puts a viewport on a stage: its position and scale, and the container's dot grid, which is a
 * CSS background so that panning and zooming cost no canvas repaint. Shared by the editor and the
 * replay so both canvases look and move alike.
 */
export function applyStageViewport(stage: Konva.Stage, container: HTMLElement, viewport: Viewport): void {
  stage.position({ x: viewport.x, y: viewport.y });
  stage.scale({ x: viewport.zoom, y: viewport.zoom });
  let step = GRID_SIZE * viewport.zoom;
  while (step < 10) step *= 5;
  container.style.backgroundSize = `${step}px ${step}px`;
  container.style.backgroundPosition = `${viewport.x}px ${viewport.y}px`;
}
