import type { ComponentType } from '@architech/contracts';
import { COMPONENT_SIZE, type Box, type EditorComponent, type EditorConnection, type EditorDocument, type Point } from '@architech/editor-core';
import type { CanvasOverlays, DiffMark, ElementIssues, PreviewBadge } from '../overlays';
import { nonOverlappingRuns } from './card-runs';
import { cardText, labelOf, type CardText } from './card-text';
import { previewText } from './component-summary';
import { callRoutingOf, connectionLabel } from './connection-label';
import { routeBetween, type Route } from './connection-route';
import { ObstacleGrid, type Obstacles } from './obstacle-grid';
import { textWidth } from './text-fit';
import { CARD } from './theme';

/** Everything needed to draw one component, built once per component object (and overlay entry). */
export interface CardModel {
  readonly id: string;
  readonly component: EditorComponent;
  readonly type: ComponentType;
  /** Top-left corner, world units. */
  readonly x: number;
  readonly y: number;
  readonly text: CardText;
  readonly issues: ElementIssues | undefined;
  readonly preview: PreviewBadge | undefined;
  /** The preview pill's text and width, world units. */
  readonly previewLabel: { readonly text: string; readonly width: number } | undefined;
  readonly diff: DiffMark | undefined;
}

/** Everything needed to draw one connection. */
export interface RouteModel extends Route {
  readonly id: string;
  readonly connection: EditorConnection;
  /** What the connection says about its call ("② · 30 % · optional"), and its width in world units. */
  readonly label?: { readonly text: string; readonly width: number };
  /** An optional call: drawn dashed. */
  readonly optional?: boolean;
  /** Where its cards were when it was laid out (source x, y, target x, y). */
  readonly ends: readonly [number, number, number, number];
  readonly issues: ElementIssues | undefined;
  readonly diff: DiffMark | undefined;
}

/** A drag in progress: which components left the static layer, and where they were when it began. */
export interface DragSet {
  readonly ids: ReadonlySet<string>;
  /** The dragged cards as they were when the drag began; the drag layer moves them as one group. */
  readonly cards: readonly CardModel[];
  /** {@link cards} split for drawing. */
  readonly runs: readonly (readonly CardModel[])[];
  /** Connections with at least one dragged end; redrawn on every move. */
  readonly connections: readonly EditorConnection[];
}

/**
 * The drawable form of a document, rebuilt incrementally: documents are immutable, so a component
 * or connection whose object (and overlay entries) did not change keeps its model, and its texts are
 * not measured again. Splits the models into what the static layer draws and what a drag holds.
 */
export class SceneModel {
  /** Every card in document order (later ones on top). */
  cards: readonly CardModel[] = [];
  /** Every route in document order. */
  routes: readonly RouteModel[] = [];
  /** Cards and routes of the static layer: all but those being dragged. */
  staticCards: readonly CardModel[] = [];
  staticRoutes: readonly RouteModel[] = [];
  /** {@link staticCards} split for drawing (see `nonOverlappingRuns`). */
  staticRuns: readonly (readonly CardModel[])[] = [];
  drag: DragSet | undefined;

  private doc: EditorDocument | undefined;
  private overlays: CanvasOverlays = { issues: new Map() };
  private cardsById = new Map<string, CardModel>();
  private routesById = new Map<string, RouteModel>();
  private obstacles: ObstacleGrid | undefined;
  /** The cards moved during a drag: every route is laid out again at the next update. */
  private relayoutPending = false;
  /** The cards a drag leaves in place, as obstacles for the dragged routes. */
  private dragObstacles: Obstacles | undefined;

  /** The card of a component id, if it is in the document. */
  card(id: string): CardModel | undefined {
    return this.cardsById.get(id);
  }

  /** The route of a connection id, if both its ends are in the document. */
  route(id: string): RouteModel | undefined {
    return this.routesById.get(id);
  }

  /** Brings the models up to date; true when what the static layer shows changed. */
  update(doc: EditorDocument, overlays: CanvasOverlays): boolean {
    if (doc === this.doc && overlays === this.overlays) return false;
    this.doc = doc;
    this.overlays = overlays;
    const cardsById = new Map<string, CardModel>();
    const cards = doc.components.map((component) => {
      const card = this.cardFor(component);
      cardsById.set(card.id, card);
      return card;
    });
    // Routes go round cards: when any card moved, came or went, every route is laid out again.
    const moved = cards.length !== this.cards.length || cards.some((card) => {
      const before = this.cardsById.get(card.id);
      return before === undefined || before.x !== card.x || before.y !== card.y;
    });
    // While a drag is on, only the dragged cards' routes change (the drag layer draws them); the
    // others are laid out again round the cards' new places when it ends (endDrag).
    const relayout = (moved || this.relayoutPending) && this.drag === undefined;
    if (relayout) this.relayoutPending = false;
    if (relayout || this.obstacles === undefined) this.obstacles = new ObstacleGrid(cards.map((card) => boxOf(card, { x: 0, y: 0 })));
    const routesById = new Map<string, RouteModel>();
    const routes: RouteModel[] = [];
    for (const connection of doc.connections) {
      const source = cardsById.get(connection.source);
      const target = cardsById.get(connection.target);
      if (source === undefined || target === undefined) continue;
      const route = this.routeFor(connection, source, target, relayout);
      routesById.set(route.id, route);
      routes.push(route);
    }
    this.cardsById = cardsById;
    this.routesById = routesById;
    this.cards = cards;
    this.routes = routes;
    return this.splitStatic();
  }

  /** Takes the components `ids` (and their connections) out of the static layer for a drag. */
  beginDrag(ids: ReadonlySet<string>): void {
    const cards = this.cards.filter((card) => ids.has(card.id));
    const connections = this.routes.filter((r) => ids.has(r.connection.source) || ids.has(r.connection.target)).map((r) => r.connection);
    this.drag = { ids, cards, runs: nonOverlappingRuns(cards), connections };
    this.dragObstacles = connections.length > 0 ? new ObstacleGrid(this.cards.filter((card) => !ids.has(card.id)).map((card) => boxOf(card, { x: 0, y: 0 }))) : undefined;
    this.splitStatic();
  }

  /** Puts the dragged components back into the static layer, every route laid out round their new places. */
  endDrag(): void {
    this.drag = undefined;
    this.dragObstacles = undefined;
    const doc = this.doc;
    if (doc !== undefined) {
      this.doc = undefined;
      this.relayoutPending = true;
      this.update(doc, this.overlays);
    }
    this.splitStatic();
  }

  /** The routes of the dragged connections with the dragged ends moved by `offset`. */
  dragRoutes(offset: Point): RouteModel[] {
    const drag = this.drag;
    if (drag === undefined) return [];
    const startBox = new Map(drag.cards.map((card) => [card.id, boxOf(card, offset)]));
    const routes: RouteModel[] = [];
    for (const connection of drag.connections) {
      const source = startBox.get(connection.source) ?? this.boxOfId(connection.source);
      const target = startBox.get(connection.target) ?? this.boxOfId(connection.target);
      if (source === undefined || target === undefined) continue;
      // Bend points stay where they were while their cards move.
      const label = connectionLabel(connection, this.cardsById.get(connection.source)?.component);
      routes.push({ ...this.overlayOf(connection), ...routeBetween(source, target, this.dragObstacles, waypointsOf(connection)), ...this.callDecoration(connection, label), ends: [source.x, source.y, target.x, target.y], id: connection.id, connection });
    }
    return routes;
  }

  private boxOfId(id: string): Box | undefined {
    const card = this.cardsById.get(id);
    return card === undefined ? undefined : boxOf(card, { x: 0, y: 0 });
  }

  /** Recomputes the static lists; true when they differ from before. */
  private splitStatic(): boolean {
    const drag = this.drag;
    const cards = drag === undefined ? this.cards : this.cards.filter((card) => !drag.ids.has(card.id));
    const routes =
      drag === undefined
        ? this.routes
        : this.routes.filter((r) => !drag.ids.has(r.connection.source) && !drag.ids.has(r.connection.target));
    const cardsChanged = !sameItems(cards, this.staticCards);
    const changed = cardsChanged || !sameItems(routes, this.staticRoutes);
    if (cardsChanged) this.staticRuns = nonOverlappingRuns(cards);
    this.staticCards = cards;
    this.staticRoutes = routes;
    return changed;
  }

  private cardFor(component: EditorComponent): CardModel {
    const previous = this.cardsById.get(component.id);
    const issues = this.overlays.issues.get(component.id);
    const preview = this.overlays.preview?.get(component.id);
    const diff = this.overlays.diff?.get(component.id);
    const { x, y } = component.position;
    if (
      previous !== undefined &&
      previous.component === component &&
      previous.issues === issues &&
      previous.preview === preview &&
      previous.diff === diff
    ) {
      return previous;
    }
    // A move keeps the name and properties objects: reuse the measured texts.
    const sameContent =
      previous !== undefined &&
      previous.component.type === component.type &&
      previous.component.name === component.name &&
      previous.component.properties === component.properties;
    const text = sameContent ? previous.text : cardText(component);
    const previewLabel =
      preview === undefined
        ? undefined
        : previous?.preview === preview
          ? previous.previewLabel
          : labelOf(previewText(preview));
    return { id: component.id, component, type: component.type, x, y, text, issues, preview, previewLabel, diff };
  }

  private routeFor(connection: EditorConnection, source: CardModel, target: CardModel, relayout: boolean): RouteModel {
    const previous = this.routesById.get(connection.id);
    const overlay = this.overlayOf(connection);
    const text = connectionLabel(connection, source.component);
    const sameEnds = previous !== undefined && previous.ends[0] === source.x && previous.ends[1] === source.y && previous.ends[2] === target.x && previous.ends[3] === target.y;
    if (!relayout && sameEnds && previous.connection === connection && previous.issues === overlay.issues && previous.diff === overlay.diff && previous.label?.text === text) return previous;
    const route = routeBetween(boxOf(source, { x: 0, y: 0 }), boxOf(target, { x: 0, y: 0 }), this.obstacles, waypointsOf(connection));
    return { ...overlay, ...route, ...this.callDecoration(connection, text), ends: [source.x, source.y, target.x, target.y], id: connection.id, connection };
  }

  private callDecoration(connection: EditorConnection, text: string | undefined): Pick<RouteModel, 'label' | 'optional'> {
    return {
      ...(text !== undefined ? { label: { text, width: Math.ceil(textWidth(text, CARD.previewFont)) + 12 } } : {}),
      ...(callRoutingOf(connection.properties).optional ? { optional: true } : {}),
    };
  }

  private overlayOf(connection: EditorConnection): Pick<RouteModel, 'issues' | 'diff'> {
    return { issues: this.overlays.issues.get(connection.id), diff: this.overlays.diff?.get(connection.id) };
  }
}

/** A card's box moved by `offset`. */
export function boxOf(card: CardModel, offset: Point): Box {
  return { x: card.x + offset.x, y: card.y + offset.y, ...COMPONENT_SIZE };
}

/** A connection's bend points (`waypoints`), if the user placed any. */
export function waypointsOf(connection: EditorConnection): readonly Point[] {
  const points = (connection as { readonly waypoints?: readonly Point[] }).waypoints;
  return Array.isArray(points) ? points : [];
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
