import { COMPONENT_SIZE, type Point } from '@architech/editor-core';
import { distanceToRoute } from './route-geometry';
import type { CardModel, RouteModel } from './scene-model';

/**
 * Hit-testing in world coordinates with editor-core's geometry instead of Konva's hit canvas: the
 * layers do not listen, so Konva never paints a second, hit-colour copy of 1,300 elements on each
 * redraw, and a test is a loop over a few hundred boxes — microseconds.
 */

/** What the pointer is over. */
export type Hit =
  | { readonly kind: 'handle'; readonly id: string }
  | { readonly kind: 'component'; readonly id: string }
  | { readonly kind: 'connection'; readonly id: string }
  /** A bend point of the selected connection. */
  | { readonly kind: 'bend'; readonly id: string; readonly index: number };

/** Where a component's connection handle sits: the middle of its right edge. */
export function handlePoint(card: Pick<CardModel, 'x' | 'y'>): Point {
  return { x: card.x + COMPONENT_SIZE.width, y: card.y + COMPONENT_SIZE.height / 2 };
}

/** The topmost card containing `world` (later in the document = drawn on top), skipping `except`. */
export function componentAt(cards: readonly CardModel[], world: Point, except?: string): CardModel | undefined {
  for (let i = cards.length - 1; i >= 0; i--) {
    const card = cards[i];
    if (card.id === except) continue;
    if (world.x >= card.x && world.x <= card.x + COMPONENT_SIZE.width && world.y >= card.y && world.y <= card.y + COMPONENT_SIZE.height) {
      return card;
    }
  }
  return undefined;
}

/** The topmost connection passing within `tolerance` world units of `world`. */
export function connectionAt(routes: readonly RouteModel[], world: Point, tolerance: number): RouteModel | undefined {
  let best: RouteModel | undefined;
  let bestDistance = tolerance;
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i];
    const b = route.bounds;
    if (world.x < b.x - tolerance || world.x > b.x + b.width + tolerance || world.y < b.y - tolerance || world.y > b.y + b.height + tolerance) {
      continue;
    }
    const distance = distanceToRoute(route, world);
    if (distance < bestDistance) {
      best = route;
      bestDistance = distance;
    }
  }
  return best;
}

/** The first of `cards` whose handle lies within `radius` world units of `world`. */
export function handleAt(cards: readonly CardModel[], world: Point, radius: number): CardModel | undefined {
  return cards.find((card) => {
    const p = handlePoint(card);
    return Math.hypot(p.x - world.x, p.y - world.y) <= radius;
  });
}
