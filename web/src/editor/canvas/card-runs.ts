import { COMPONENT_SIZE } from '@architech/editor-core';
import type { CardModel } from './scene-model';
import { CARD } from './theme';

/** How far a card's glow and issue badge reach beyond its box, world units. */
const REACH = 8;
/** Side of the hash grid cells used to find overlaps, world units. */
const CELL = 256;

/**
 * Splits cards (in drawing order) into runs in which no two cards overlap, counting their glow,
 * badge and preview pill. Cards are drawn pass by pass within a run (all bodies, then all texts…),
 * which would let a lower card's text show through an upper card that overlaps it — a pasted copy
 * sits 20 px off its original — so an overlapping card starts a new run, drawn on top of the last.
 * Computed when the card lists change, not per frame; a spatial hash keeps it linear.
 */
export function nonOverlappingRuns(cards: readonly CardModel[]): CardModel[][] {
  const runs: CardModel[][] = [];
  let run: CardModel[] = [];
  let cells = new Map<string, CardModel[]>();
  for (const card of cards) {
    const keys = cellKeys(card);
    if (keys.some((key) => cells.get(key)?.some((other) => overlap(card, other)) === true)) {
      runs.push(run);
      run = [];
      cells = new Map();
    }
    run.push(card);
    for (const key of keys) {
      const list = cells.get(key);
      if (list === undefined) cells.set(key, [card]);
      else list.push(card);
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function extent(card: CardModel): { left: number; top: number; right: number; bottom: number } {
  const below = card.previewLabel === undefined ? REACH : CARD.previewGap + CARD.previewHeight;
  return {
    left: card.x - REACH,
    top: card.y - REACH,
    right: card.x + COMPONENT_SIZE.width + REACH,
    bottom: card.y + COMPONENT_SIZE.height + below,
  };
}

function cellKeys(card: CardModel): string[] {
  const e = extent(card);
  const keys: string[] = [];
  for (let cx = Math.floor(e.left / CELL); cx <= Math.floor(e.right / CELL); cx++) {
    for (let cy = Math.floor(e.top / CELL); cy <= Math.floor(e.bottom / CELL); cy++) keys.push(`${cx},${cy}`);
  }
  return keys;
}

function overlap(a: CardModel, b: CardModel): boolean {
  const p = extent(a);
  const q = extent(b);
  return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
}
