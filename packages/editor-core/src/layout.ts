import type { EditorDocument } from './document';
import { COMPONENT_SIZE, componentBox, unionBoxes, type Point } from './geometry';

/** Options of {@link layoutLeftToRight}. World units. */
export interface LayoutOptions {
  /** Top-left corner of the layout; the top-left of the current design by default, so it stays in view. */
  readonly origin?: Point;
  /** Distance between the left edges of consecutive layers. */
  readonly layerSpacing?: number;
  /** Distance between the top edges of consecutive components in one layer. */
  readonly rowSpacing?: number;
}

/** Default distance between layers: a component's width plus room for the arrow. */
export const DEFAULT_LAYER_SPACING = COMPONENT_SIZE.width + 96;
/** Default distance between rows. */
export const DEFAULT_ROW_SPACING = COMPONENT_SIZE.height + 48;

type Graph = Pick<EditorDocument, 'components' | 'connections'>;

/**
 * Positions for a left-to-right layout: clients in the first column, then each component in the
 * column of its longest call path from a client, so requests flow rightwards. Cycles (legal when
 * they pass through a QUEUE) are broken at the edge that closes them in a depth-first walk from the
 * clients. Within a column, components sit near the average height of their callers, ties in
 * document order; each column is centred on the tallest. Deterministic: the same design always
 * gets the same positions. Returns a position for every component.
 */
export function layoutLeftToRight(doc: Graph, options: LayoutOptions = {}): Map<string, Point> {
  const order = new Map(doc.components.map((c, index) => [c.id, index]));
  const successors = new Map<string, string[]>(doc.components.map((c) => [c.id, []]));
  const hasCaller = new Set<string>();
  for (const { source, target } of doc.connections) {
    const next = successors.get(source);
    if (next === undefined || !order.has(target) || source === target || next.includes(target)) continue;
    next.push(target);
    hasCaller.add(target);
  }

  const roots = [
    ...doc.components.filter((c) => c.type === 'CLIENT'),
    ...doc.components.filter((c) => !hasCaller.has(c.id)),
    ...doc.components,
  ].map((c) => c.id);
  const { forward, postorder } = breakCycles(roots, successors);

  const layer = new Map<string, number>(doc.components.map((c) => [c.id, 0]));
  const callers = new Map<string, string[]>(doc.components.map((c) => [c.id, []]));
  for (const id of [...postorder].reverse()) {
    for (const next of forward.get(id)!) {
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
      callers.get(next)!.push(id);
    }
  }

  const columns: string[][] = [];
  for (const c of doc.components) (columns[layer.get(c.id)!] ??= []).push(c.id);
  const tallest = Math.max(0, ...columns.map((column) => column.length));
  const origin = options.origin ?? topLeft(doc);
  const layerSpacing = options.layerSpacing ?? DEFAULT_LAYER_SPACING;
  const rowSpacing = options.rowSpacing ?? DEFAULT_ROW_SPACING;

  const positions = new Map<string, Point>();
  columns.forEach((column, index) => {
    const height = (id: string) => {
      const ys = callers.get(id)!.map((caller) => positions.get(caller)?.y ?? 0);
      return ys.length === 0 ? 0 : ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    const sorted = index === 0 ? column : [...column].sort((a, b) => height(a) - height(b) || order.get(a)! - order.get(b)!);
    const top = origin.y + ((tallest - sorted.length) / 2) * rowSpacing;
    sorted.forEach((id, row) => positions.set(id, { x: origin.x + index * layerSpacing, y: top + row * rowSpacing }));
  });
  return positions;
}

/**
 * Walks depth-first from each root in turn and keeps every edge except those back to a component
 * still on the walk's path, which are the edges closing a cycle. Iterative, so a long chain cannot
 * overflow the stack.
 */
function breakCycles(roots: readonly string[], successors: ReadonlyMap<string, readonly string[]>) {
  const state = new Map<string, 'on-path' | 'done'>();
  const forward = new Map<string, string[]>([...successors.keys()].map((id) => [id, []]));
  const postorder: string[] = [];
  for (const root of roots) {
    if (state.has(root)) continue;
    state.set(root, 'on-path');
    const path = [{ id: root, next: 0 }];
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const children = successors.get(frame.id)!;
      if (frame.next === children.length) {
        state.set(frame.id, 'done');
        postorder.push(frame.id);
        path.pop();
        continue;
      }
      const child = children[frame.next++];
      const seen = state.get(child);
      if (seen === 'on-path') continue;
      forward.get(frame.id)!.push(child);
      if (seen === undefined) {
        state.set(child, 'on-path');
        path.push({ id: child, next: 0 });
      }
    }
  }
  return { forward, postorder };
}

function topLeft(doc: Graph): Point {
  const bounds = unionBoxes(doc.components.map(componentBox));
  return bounds ? { x: bounds.x, y: bounds.y } : { x: 0, y: 0 };
}
