import Konva from 'konva';
import { DEFAULT_VIEWPORT, screenToWorld, type Box, type EditorState, type Guide, type Point, type Size, type Viewport } from '@architech/editor-core';
import type { CanvasOverlays } from '../overlays';
import { customShape } from './custom-shape';
import { drawCards, type DrawView } from './draw-cards';
import { drawDraggedCards, drawDraggedRoutes } from './draw-drag';
import { drawInteraction, type ConnectingPicture, type InteractionPicture } from './draw-interaction';
import { drawRoutes } from './draw-routes';
import { componentAt, connectionAt, handleAt, handlePoint, type Hit } from './hit-test';
import { boxOf, SceneModel, waypointsOf, type CardModel, type RouteModel } from './scene-model';
import { applyStageViewport } from './stage-viewport';
import { CONNECTION_HIT_PX, HANDLE_HIT_PX } from './theme';

/** Extra world margin, screen px, drawn round the visible area so nothing pops in at the edges. */
const CULL_MARGIN_PX = 40;
const ORIGIN: Point = { x: 0, y: 0 };

/**
 * The Konva stage and its three layers, Excalidraw-style:
 * - **static**: every connection and component not being dragged. It only redraws when what it
 *   shows changes (the document, overlays) or the camera moves; between those its canvas keeps its
 *   pixels, so hovering, rubber-banding and dragging never repaint it.
 * - **drag**: the components being dragged, in ONE group that a move translates, plus the
 *   connections touching them (re-routed per move; only those).
 * - **interactive**: selection outlines, hover, handles, rubber band, guides, the rubber arrow.
 *
 * Each layer holds a few custom shapes that draw their whole set in batched passes (see
 * `drawCards`, `drawRoutes`), culled to the viewport. No layer listens: pointer hits are computed
 * in world coordinates (`hit-test.ts`). The camera is the stage's position and scale, so zooming
 * rebuilds nothing.
 */
export class CanvasScene {
  readonly stage: Konva.Stage;
  readonly model = new SceneModel();
  private readonly staticLayer = new Konva.Layer({ listening: false });
  private readonly dragLayer = new Konva.Layer({ listening: false });
  private readonly interactiveLayer = new Konva.Layer({ listening: false });
  private readonly dragGroup = new Konva.Group({ listening: false });
  private state: EditorState | undefined;
  private overlays: CanvasOverlays = { issues: new Map() };
  private viewport: Viewport = DEFAULT_VIEWPORT;
  private size: Size = { width: 1, height: 1 };
  private dragOffset: Point = ORIGIN;
  private dragRoutes: RouteModel[] = [];
  private hover: string | undefined;
  private rubberBand: Box | undefined;
  private bandPreview: ReadonlySet<string> = new Set();
  private guides: readonly Guide[] = [];
  private connecting: ConnectingPicture | undefined;
  private handlesShown = true;
  private dropPreview: Box | undefined;

  constructor(private readonly container: HTMLDivElement) {
    this.stage = new Konva.Stage({ container, width: 1, height: 1, listening: false });
    this.staticLayer.add(
      customShape((ctx) => drawRoutes(ctx, this.model.staticRoutes, this.drawView())),
      customShape((ctx) => drawCards(ctx, this.model.staticRuns, this.drawView())),
    );
    this.dragGroup.add(customShape((ctx) => this.drawDragged(ctx)));
    this.dragLayer.add(
      customShape((ctx) => drawDraggedRoutes(ctx, this.dragRoutes, this.drawView(), this.state?.selection)),
      this.dragGroup,
    );
    this.interactiveLayer.add(customShape((ctx) => drawInteraction(ctx, this.picture())));
    this.stage.add(this.staticLayer, this.dragLayer, this.interactiveLayer);
  }

  /** The current camera. */
  get camera(): Viewport {
    return this.viewport;
  }

  /** The canvas size, screen px. */
  get canvasSize(): Size {
    return this.size;
  }

  /** Brings the picture up to date with the store, redrawing only the layers whose content changed. */
  sync(state: EditorState): void {
    const previous = this.state;
    this.state = state;
    let staticDirty = this.model.update(state.doc, this.overlays);
    if (previous === undefined || state.viewport !== previous.viewport) {
      this.applyViewport(state.viewport);
      staticDirty = true;
    }
    if (staticDirty) {
      this.stage.batchDraw();
      return;
    }
    // Mid-drag, the document changes only where the drag layer already shows it.
    const docMoved = previous !== undefined && state.doc !== previous.doc && this.model.drag === undefined;
    if (previous === undefined || state.selection !== previous.selection || docMoved) this.interactiveLayer.batchDraw();
  }

  /** New overlays (validation, preview, diff): only the cards and connections whose entry changed are rebuilt. */
  setOverlays(overlays: CanvasOverlays): void {
    if (overlays.issues === this.overlays.issues && overlays.preview === this.overlays.preview && overlays.diff === this.overlays.diff) return;
    this.overlays = overlays;
    if (this.state !== undefined && this.model.update(this.state.doc, overlays)) this.staticLayer.batchDraw();
  }

  /** Resizes the stage to its container. */
  resize(size: Size): void {
    const width = Math.max(1, Math.round(size.width));
    const height = Math.max(1, Math.round(size.height));
    if (width === this.size.width && height === this.size.height) return;
    this.size = { width, height };
    this.stage.size(this.size);
    this.stage.batchDraw();
  }

  /** The world point under a point of the canvas, screen px. */
  toWorld(screen: Point): Point {
    return screenToWorld(this.viewport, screen);
  }

  /** What is under `world`: a handle (if `handles`), else the topmost component, else a connection. */
  hitTest(world: Point, handles: boolean): Hit | undefined {
    const zoom = this.viewport.zoom;
    if (handles && this.handlesShown) {
      const bend = this.bendHandles().findIndex((p) => Math.hypot(p.x - world.x, p.y - world.y) <= HANDLE_HIT_PX / zoom);
      if (bend >= 0) return { kind: 'bend', id: this.bendConnection()!.id, index: bend };
      const card = handleAt(this.handleCards(), world, HANDLE_HIT_PX / zoom);
      if (card !== undefined) return { kind: 'handle', id: card.id };
    }
    const card = componentAt(this.model.cards, world);
    if (card !== undefined) return { kind: 'component', id: card.id };
    const route = connectionAt(this.model.routes, world, CONNECTION_HIT_PX / zoom);
    return route === undefined ? undefined : { kind: 'connection', id: route.id };
  }

  /** The topmost card at `world` other than `except`. */
  cardAt(world: Point, except?: string): CardModel | undefined {
    return componentAt(this.model.cards, world, except);
  }

  /** Moves `ids` to the drag layer; until {@link endDrag} they follow {@link setDragOffset}. */
  beginDrag(ids: ReadonlySet<string>): void {
    this.model.beginDrag(ids);
    this.dragOffset = ORIGIN;
    this.dragGroup.position(ORIGIN);
    this.dragRoutes = this.model.dragRoutes(ORIGIN);
    this.stage.batchDraw();
  }

  /** Where the dragged group is, relative to where the drag began (world units). Redraws the drag layer only. */
  setDragOffset(offset: Point): void {
    if (this.model.drag === undefined || (offset.x === this.dragOffset.x && offset.y === this.dragOffset.y)) return;
    this.dragOffset = offset;
    this.dragGroup.position(offset);
    this.dragRoutes = this.model.dragRoutes(offset);
    this.dragLayer.batchDraw();
  }

  /** Puts the dragged components back into the static layer. */
  endDrag(): void {
    if (this.model.drag === undefined) return;
    this.model.endDrag();
    this.dragRoutes = [];
    this.dragOffset = ORIGIN;
    this.dragGroup.position(ORIGIN);
    this.guides = [];
    this.stage.batchDraw();
  }

  /** The component or connection under the pointer, outlined. */
  setHover(id: string | undefined): void {
    if (id === this.hover) return;
    this.hover = id;
    this.interactiveLayer.batchDraw();
  }

  /** The rubber band being dragged (world box) and the components it would select. */
  setRubberBand(band: Box | undefined, preview: ReadonlySet<string> = new Set()): void {
    this.rubberBand = band;
    this.bandPreview = preview;
    this.interactiveLayer.batchDraw();
  }

  /** Where a component dragged from the palette would land (a dashed card), or nothing. */
  setDropPreview(box: Box | undefined): void {
    const same = box === this.dropPreview || (box !== undefined && this.dropPreview !== undefined && box.x === this.dropPreview.x && box.y === this.dropPreview.y);
    if (same) return;
    this.dropPreview = box;
    this.interactiveLayer.batchDraw();
  }

  /** Alignment guides of the current drag; redraws only when they change. */
  setGuides(guides: readonly Guide[]): void {
    if (sameGuides(guides, this.guides)) return;
    this.guides = guides;
    this.interactiveLayer.batchDraw();
  }

  /** The rubber arrow of a connection being drawn. */
  setConnecting(connecting: ConnectingPicture | undefined): void {
    this.connecting = connecting;
    this.interactiveLayer.batchDraw();
  }

  /** Whether connection handles are shown (not in read-only mode, not mid-gesture). */
  showHandles(shown: boolean): void {
    if (shown === this.handlesShown) return;
    this.handlesShown = shown;
    this.interactiveLayer.batchDraw();
  }

  /** Releases the stage and its canvases. */
  destroy(): void {
    this.stage.destroy();
  }

  private applyViewport(viewport: Viewport): void {
    this.viewport = viewport;
    applyStageViewport(this.stage, this.container, viewport);
  }

  private drawView(): DrawView {
    const margin = CULL_MARGIN_PX / this.viewport.zoom;
    const topLeft = this.toWorld(ORIGIN);
    const visible = {
      x: topLeft.x - margin,
      y: topLeft.y - margin,
      width: this.size.width / this.viewport.zoom + 2 * margin,
      height: this.size.height / this.viewport.zoom + 2 * margin,
    };
    return { visible, zoom: this.viewport.zoom };
  }

  private drawDragged(ctx: CanvasRenderingContext2D): void {
    if (this.model.drag !== undefined) drawDraggedCards(ctx, this.model.drag, this.drawView(), this.dragOffset, this.state?.selection);
  }

  /** The one selected connection, whose bend points can be moved (none while several are selected). */
  bendConnection(): RouteModel | undefined {
    const selection = this.state?.selection;
    if (selection === undefined || selection.size !== 1 || this.model.drag !== undefined) return undefined;
    return this.model.route([...selection][0]!);
  }

  /** The bend points of {@link bendConnection}. */
  private bendHandles(): readonly Point[] {
    const route = this.bendConnection();
    return route === undefined ? [] : waypointsOf(route.connection);
  }

  /** The components showing a connection handle: the hovered one and the selected ones. */
  private handleCards(): CardModel[] {
    if (this.model.drag !== undefined) return [];
    const selection = this.state?.selection ?? new Set<string>();
    return this.model.cards.filter((card) => card.id === this.hover || selection.has(card.id));
  }

  private picture(): InteractionPicture {
    const selection = this.state?.selection ?? new Set<string>();
    const dragged = this.model.drag?.ids;
    const inDrag = (id: string) => dragged?.has(id) === true;
    const movable = (route: RouteModel) => !inDrag(route.connection.source) && !inDrag(route.connection.target);
    const hoverCard = this.hover === undefined || inDrag(this.hover) ? undefined : this.model.card(this.hover);
    const hoverRoute = this.hover === undefined ? undefined : this.model.route(this.hover);
    return {
      zoom: this.viewport.zoom,
      selectedBoxes: this.model.cards.filter((card) => selection.has(card.id) && !inDrag(card.id)).map((card) => boxOf(card, ORIGIN)),
      selectedRoutes: this.model.routes.filter((route) => selection.has(route.id) && movable(route)),
      hoverBox: hoverCard === undefined ? undefined : boxOf(hoverCard, ORIGIN),
      hoverRoute: hoverRoute !== undefined && movable(hoverRoute) ? hoverRoute : undefined,
      bandPreview: [...this.bandPreview].flatMap((id) => {
        const card = this.model.card(id);
        return card === undefined || selection.has(id) ? [] : [boxOf(card, ORIGIN)];
      }),
      handles: this.handlesShown ? this.handleCards().map(handlePoint) : [],
      bends: this.handlesShown ? this.bendHandles() : [],
      dropPreview: this.dropPreview,
      rubberBand: this.rubberBand,
      guides: this.guides,
      connecting: this.connecting,
    };
  }
}

function sameGuides(a: readonly Guide[], b: readonly Guide[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => g.orientation === b[i].orientation && g.at === b[i].at && g.from === b[i].from && g.to === b[i].to)
  );
}
