import { Graph, layout } from '@dagrejs/dagre';
import type { EditorDocument } from './document';
import { COMPONENT_SIZE, componentBox, unionBoxes, type Point } from './geometry';

/** Options of {@link layoutLeftToRight}. World units. */
export interface LayoutOptions {
  /** Top-left corner of the layout; the top-left of the current design by default, so it stays in view. */
  readonly origin?: Point;
  /** Distance between the left edges of consecutive layers (at least a component's width). */
  readonly layerSpacing?: number;
  /** Least distance between the top edges of neighbours in one layer (at least a component's height). */
  readonly rowSpacing?: number;
}

/** Default distance between layers: a component's width plus room for the arrow. */
export const DEFAULT_LAYER_SPACING = COMPONENT_SIZE.width + 96;
/** Default distance between rows. */
export const DEFAULT_ROW_SPACING = COMPONENT_SIZE.height + 48;

type Topology = Pick<EditorDocument, 'components' | 'connections'>;

/*
 * The part of dagre's graph this layout uses. dagre 3.1.3 ships its declarations as ES modules with
 * extensionless relative imports, which our NodeNext resolution cannot follow, so its exports arrive
 * here as `any`; this interface gives the calls below their types back.
 */
interface DagreGraph {
  setGraph(label: { rankdir: 'LR'; ranksep: number; nodesep: number }): unknown;
  setDefaultEdgeLabel(label: () => object): unknown;
  setNode(id: string, label: { width: number; height: number }): unknown;
  setEdge(source: string, target: string, label?: { weight: number }): unknown;
  node(id: string): { x: number; y: number };
}

/*
 * A hidden node in front of every CLIENT. dagre's ranker (network simplex) minimises edge length, so
 * on its own it would slide a client that calls straight into a deep component far to the right;
 * tying every client to one source with edges heavier than all others together keeps them in the
 * first column. The name cannot collide: component ids match /^[A-Za-z0-9_.:>-]+$/. A tie weighs
 * one more than all the design's edges, so moving a client k columns right costs more (k × weight)
 * than it could ever save (k × its own edges).
 */
const SOURCE = ' source';

/**
 * Positions for a left-to-right layout by dagre (Sugiyama-style: layering by network simplex,
 * crossing reduction, Brandes–Köpf coordinates): clients in the first column, every call pointing
 * rightwards, few crossings, no overlaps, the top-left corner at `origin`.
 *
 * Cycles (legal when they pass through a QUEUE) are broken here rather than by dagre, at the edge
 * that closes them in a depth-first walk from the clients: dagre walks from any uncalled component
 * first (a half-drawn design has some) and could turn the loop around against the traffic.
 *
 * Deterministic: the same design always gets the same whole-number positions (dagre draws no random
 * numbers and follows insertion order, which is document order here). Returns a position for every
 * component; connections to missing components, self-loops and duplicates are ignored.
 *
 * @example
 * const positions = layoutLeftToRight(doc, { origin: { x: 0, y: 0 } });
 * positions.get('client-1'); // its new top-left corner
 */
export function layoutLeftToRight(doc: Topology, options: LayoutOptions = {}): Map<string, Point> {
  if (doc.components.length === 0) return new Map();
  const ids = new Set(doc.components.map((c) => c.id));
  const successors = new Map<string, string[]>(doc.components.map((c) => [c.id, []]));
  const hasCaller = new Set<string>();
  for (const { source, target } of doc.connections) {
    const next = successors.get(source);
    if (next === undefined || !ids.has(target) || source === target || next.includes(target)) continue;
    next.push(target);
    hasCaller.add(target);
  }
  const clients = doc.components.filter((c) => c.type === 'CLIENT').map((c) => c.id);
  const roots = [...clients, ...doc.components.filter((c) => !hasCaller.has(c.id)).map((c) => c.id), ...ids];
  const closing = closingEdges(roots, successors);

  const layerSpacing = options.layerSpacing ?? DEFAULT_LAYER_SPACING;
  const rowSpacing = options.rowSpacing ?? DEFAULT_ROW_SPACING;
  const g: DagreGraph = new Graph();
  g.setGraph({
    rankdir: 'LR',
    ranksep: Math.max(0, layerSpacing - COMPONENT_SIZE.width),
    nodesep: Math.max(0, rowSpacing - COMPONENT_SIZE.height),
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: COMPONENT_SIZE.width, height: COMPONENT_SIZE.height });
  let edges = 0;
  for (const [source, targets] of successors) {
    for (const target of targets) {
      // A closing edge is laid out reversed, as dagre itself would: it still pulls its ends together.
      if (closing.get(source)?.has(target)) g.setEdge(target, source);
      else g.setEdge(source, target);
      edges++;
    }
  }
  if (clients.length > 0) {
    g.setNode(SOURCE, { width: COMPONENT_SIZE.width, height: COMPONENT_SIZE.height });
    for (const client of clients) g.setEdge(SOURCE, client, { weight: edges + 1 });
  }
  layout(g);

  const corners = [...ids].map((id) => {
    const { x, y } = g.node(id);
    return { id, x: x - COMPONENT_SIZE.width / 2, y: y - COMPONENT_SIZE.height / 2 };
  });
  const origin = options.origin ?? topLeft(doc);
  const left = Math.min(...corners.map((c) => c.x));
  const top = Math.min(...corners.map((c) => c.y));
  return new Map(
    corners.map(({ id, x, y }) => [id, { x: Math.round(origin.x + x - left), y: Math.round(origin.y + y - top) }]),
  );
}

/**
 * Walks depth-first from each root in turn and returns the edges back to a component still on the
 * walk's path: the edges closing a cycle, as source → targets. Iterative, so a long chain cannot overflow the stack.
 */
function closingEdges(
  roots: Iterable<string>,
  successors: ReadonlyMap<string, readonly string[]>,
): Map<string, Set<string>> {
  const state = new Map<string, 'on-path' | 'done'>();
  const closing = new Map<string, Set<string>>();
  for (const root of roots) {
    if (state.has(root)) continue;
    state.set(root, 'on-path');
    const path = [{ id: root, next: 0 }];
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const children = successors.get(frame.id)!;
      if (frame.next === children.length) {
        state.set(frame.id, 'done');
        path.pop();
        continue;
      }
      const child = children[frame.next++];
      const seen = state.get(child);
      if (seen === 'on-path') closing.set(frame.id, (closing.get(frame.id) ?? new Set()).add(child));
      else if (seen === undefined) {
        state.set(child, 'on-path');
        path.push({ id: child, next: 0 });
      }
    }
  }
  return closing;
}

function topLeft(doc: Topology): Point {
  const bounds = unionBoxes(doc.components.map(componentBox));
  return bounds ? { x: bounds.x, y: bounds.y } : { x: 0, y: 0 };
}
