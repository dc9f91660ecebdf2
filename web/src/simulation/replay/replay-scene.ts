import type { EditorDocument } from '@architech/editor-core';
import { routeMidpoint } from '../../editor/canvas/route-geometry';
import { SceneModel, type CardModel, type RouteModel } from '../../editor/canvas/scene-model';
import type { FaultWindow } from './fault-windows';
import { endsKey, type EdgeIndex } from './request-dots';
import { routePathOf, type RoutePath } from './route-path';

/** Card flags (bit set): what a card's badges show. */
export const HAS_BREAKER = 1;
export const HAS_AUTOSCALING = 2;
/** A traffic source: it has no utilisation, so it stays neutral when colouring by utilisation. */
export const IS_CLIENT = 4;

/**
 * The design as the replay draws it, indexed once: the editor's card and route models (so the
 * replay looks exactly like the editor), and for each card and route the facts a frame needs, in
 * typed arrays indexed like `cards` and `routes`. Built from the design alone, so the canvas shows
 * while the series are still loading.
 */
export interface ReplayScene {
  readonly cards: readonly CardModel[];
  /** `cards` split for drawing (the editor's `nonOverlappingRuns`). */
  readonly runs: readonly (readonly CardModel[])[];
  readonly routes: readonly RouteModel[];
  readonly cardIndex: ReadonlyMap<string, number>;
  /** {@link HAS_BREAKER} | {@link HAS_AUTOSCALING} | {@link IS_CLIENT}. */
  readonly cardFlags: Uint8Array;
  /** Row of each route in the connection flows (its index in the document). */
  readonly routeFlowRow: Int32Array;
  readonly routePaths: readonly RoutePath[];
  /** Midpoints of the routes, `[x0, y0, x1, y1, …]`: where a connection fault's label goes. */
  readonly routeMid: Float64Array;
  /** Connections numbered by route index, for the request dots. */
  readonly edges: EdgeIndex;
  readonly faults: readonly FaultWindow[];
  /** Per fault: the card it targets (−1 if a connection or gone). */
  readonly faultCard: Int32Array;
  /** Per fault: the route it targets (−1 if a component or gone). */
  readonly faultRoute: Int32Array;
}

/** Indexes a document for the replay. */
export function buildReplayScene(doc: EditorDocument, faults: readonly FaultWindow[]): ReplayScene {
  const model = new SceneModel();
  model.update(doc, { issues: new Map() });
  const cards = model.cards;
  const routes = model.routes;
  const cardIndex = new Map(cards.map((card, i) => [card.id, i] as const));
  const cardFlags = Uint8Array.from(cards, (card) => {
    const props = card.component.properties as Readonly<Record<string, unknown>>;
    return (props.circuitBreaker !== undefined ? HAS_BREAKER : 0) | (props.autoscaling !== undefined ? HAS_AUTOSCALING : 0) | (card.type === 'CLIENT' ? IS_CLIENT : 0);
  });
  const connectionIndex = new Map(doc.connections.map((c, i) => [c.id, i] as const));
  const routeMid = new Float64Array(routes.length * 2);
  routes.forEach((route, i) => {
    const mid = routeMidpoint(route);
    routeMid[2 * i] = mid.x;
    routeMid[2 * i + 1] = mid.y;
  });
  const routeIndex = new Map(routes.map((route, i) => [route.id, i] as const));
  return {
    cards,
    runs: model.staticRuns,
    routes,
    cardIndex,
    cardFlags,
    routeFlowRow: Int32Array.from(routes, (route) => connectionIndex.get(route.id)!),
    routePaths: routes.map(routePathOf),
    routeMid,
    edges: { byId: routeIndex, byEnds: new Map(routes.map((route, i) => [endsKey(route.connection.source, route.connection.target), i] as const)) },
    faults,
    faultCard: Int32Array.from(faults, (f) => cardIndex.get(f.target) ?? -1),
    faultRoute: Int32Array.from(faults, (f) => routeIndex.get(f.target) ?? -1),
  };
}
