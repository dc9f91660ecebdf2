import { describe, expect, it } from '@jest/globals';
import { nonOverlappingRuns } from './card-runs';
import type { CardModel } from './scene-model';

const card = (id: string, x: number, y: number) => ({ id, x, y, previewLabel: undefined }) as unknown as CardModel;
const ids = (runs: CardModel[][]) => runs.map((run) => run.map((c) => c.id));

describe('drawing runs of cards', () => {
  it('keeps cards laid out on a grid in one run', () => {
    const grid = [card('a', 0, 0), card('b', 200, 0), card('c', 0, 100), card('d', 200, 100)];
    expect(ids(nonOverlappingRuns(grid))).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('starts a new run at a card overlapping one before it, so it is drawn on top', () => {
    const pasted = [card('a', 0, 0), card('b', 400, 0), card('a-copy', 20, 20), card('c', 800, 0)];
    expect(ids(nonOverlappingRuns(pasted))).toEqual([['a', 'b'], ['a-copy', 'c']]);
  });
});
