/** A point; world (canvas) coordinates unless a name says `screen`. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A width and a height. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** An axis-aligned rectangle: top-left corner plus size (never negative). */
export interface Box extends Point, Size {}

/**
 * The size every component is drawn at, in world units. The design document stores only positions
 * (top-left corners), so hit-testing, rubber-band selection, fitting and layout all agree on this.
 */
export const COMPONENT_SIZE: Size = { width: 160, height: 64 };

/** The box a component covers on the canvas. */
export function componentBox(component: { readonly position: Point }): Box {
  return { x: component.position.x, y: component.position.y, ...COMPONENT_SIZE };
}

/** The box spanned by two opposite corners given in any order (a rubber band dragged any way). */
export function boxFromCorners(a: Point, b: Point): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** The smallest box holding every box; `undefined` for none. */
export function unionBoxes(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Whether `inner` lies entirely inside `outer` (touching edges count). */
export function boxContains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether two boxes overlap or touch. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}
