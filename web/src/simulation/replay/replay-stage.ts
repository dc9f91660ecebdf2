import Konva from 'konva';
import { COMPONENT_SIZE, DEFAULT_VIEWPORT, fitBoxToCanvas, screenToWorld, unionBoxes, zoomAtPoint, type Box, type Point, type Size, type Viewport } from '@architech/editor-core';
import { customShape } from '../../editor/canvas/custom-shape';
import { drawCards, type DrawView } from '../../editor/canvas/draw-cards';
import { drawRoutes } from '../../editor/canvas/draw-routes';
import { componentAt } from '../../editor/canvas/hit-test';
import { boxOf } from '../../editor/canvas/scene-model';
import { applyStageViewport } from '../../editor/canvas/stage-viewport';
import type { ReplayScene } from './replay-scene';

/** Room round the design when fitting it, screen px (badges and fault labels hang outside the cards). */
const FIT_PADDING_PX = 56;
/** Extra world margin, screen px, drawn round the visible area so nothing pops in at the edges. */
const CULL_MARGIN_PX = 40;
/** World margin round the cards for the fault labels above and the value pills below. */
const DECORATION_WORLD = 32;

/**
 * The replay's Konva stage: the design drawn by the editor's own functions (`drawRoutes`,
 * `drawCards`) on a **static** layer that repaints only when the camera or the size changes, and
 * a **replay** layer above it that the frame loop repaints alone. Neither layer listens; the camera
 * is the stage's position and scale, as in the editor.
 */
export class ReplayStage {
  readonly stage: Konva.Stage;
  private readonly staticLayer = new Konva.Layer({ listening: false });
  private readonly replayLayer = new Konva.Layer({ listening: false });
  private viewport: Viewport = DEFAULT_VIEWPORT;
  private size: Size = { width: 1, height: 1 };
  /** Once the user pans or zooms, a resize keeps their camera instead of fitting again. */
  private cameraMoved = false;

  constructor(
    private readonly container: HTMLDivElement,
    private readonly scene: ReplayScene,
    paintReplay: (ctx: CanvasRenderingContext2D, view: DrawView) => void,
  ) {
    this.stage = new Konva.Stage({ container, width: 1, height: 1, listening: false });
    this.staticLayer.add(
      customShape((ctx) => {
        const view = this.drawView();
        drawRoutes(ctx, scene.routes, view);
        drawCards(ctx, scene.runs, view);
      }),
    );
    this.replayLayer.add(customShape((ctx) => paintReplay(ctx, this.drawView())));
    this.stage.add(this.staticLayer, this.replayLayer);
  }

  get camera(): Viewport {
    return this.viewport;
  }

  /** Resizes the stage to `size` (its container's); refits unless the user moved the camera. */
  resize(size: Size): void {
    const width = Math.max(1, Math.round(size.width));
    const height = Math.max(1, Math.round(size.height));
    if (width === this.size.width && height === this.size.height) return;
    this.size = { width, height };
    this.stage.size(this.size);
    if (this.cameraMoved) this.stage.batchDraw();
    else this.fit();
  }

  /** Shows the whole design, at most 100 %. */
  fit(): void {
    const content = unionBoxes(this.scene.cards.map((card) => boxOf(card, { x: 0, y: 0 })));
    const box: Box = content === undefined ? { x: 0, y: 0, ...COMPONENT_SIZE } : pad(content, DECORATION_WORLD);
    this.cameraMoved = false;
    this.apply(fitBoxToCanvas(box, this.size, FIT_PADDING_PX, 1));
  }

  /** Zooms by `factor` keeping the world point under `screen` in place. */
  zoomAt(screen: Point, factor: number): void {
    this.cameraMoved = true;
    this.apply(zoomAtPoint(this.viewport, screen, this.viewport.zoom * factor));
  }

  /** Moves the camera by screen px. */
  panBy(dx: number, dy: number): void {
    this.cameraMoved = true;
    this.apply({ ...this.viewport, x: this.viewport.x + dx, y: this.viewport.y + dy });
  }

  /** Repaints the replay layer now (call it from inside an animation frame). */
  drawReplay(): void {
    this.replayLayer.draw();
  }

  /** Index of the card under a canvas point (screen px), or −1. */
  cardAt(screen: Point): number {
    const card = componentAt(this.scene.cards, screenToWorld(this.viewport, screen));
    return card === undefined ? -1 : this.scene.cardIndex.get(card.id)!;
  }

  destroy(): void {
    this.stage.destroy();
  }

  private apply(viewport: Viewport): void {
    this.viewport = viewport;
    applyStageViewport(this.stage, this.container, viewport);
    this.stage.batchDraw();
  }

  private drawView(): DrawView {
    const { zoom } = this.viewport;
    const margin = CULL_MARGIN_PX / zoom;
    const topLeft = screenToWorld(this.viewport, { x: 0, y: 0 });
    return {
      zoom,
      visible: { x: topLeft.x - margin, y: topLeft.y - margin, width: this.size.width / zoom + 2 * margin, height: this.size.height / zoom + 2 * margin },
    };
  }
}

function pad(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}
