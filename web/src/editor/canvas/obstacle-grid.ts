import type { Box } from '@architech/editor-core';

/** The cards a route should not cross: answers which boxes lie near a segment. */
export interface Obstacles {
  /** Boxes whose area meets the box round the segment (x0,y0)–(x1,y1) grown by `margin`. */
  near(x0: number, y0: number, x1: number, y1: number, margin: number): readonly Box[];
}

/** Obstacles bucketed on a coarse grid, so a segment only meets the cards round it. */
export class ObstacleGrid implements Obstacles {
  private readonly cells = new Map<number, Box[]>();
  private static readonly CELL = 256;

  constructor(boxes: Iterable<Box>) {
    for (const box of boxes) {
      this.visit(box.x, box.y, box.x + box.width, box.y + box.height, (key) => {
        const cell = this.cells.get(key);
        if (cell) cell.push(box);
        else this.cells.set(key, [box]);
      });
    }
  }

  near(x0: number, y0: number, x1: number, y1: number, margin: number): readonly Box[] {
    const left = Math.min(x0, x1) - margin;
    const right = Math.max(x0, x1) + margin;
    const top = Math.min(y0, y1) - margin;
    const bottom = Math.max(y0, y1) + margin;
    const found: Box[] = [];
    this.visit(left, top, right, bottom, (key) => {
      for (const box of this.cells.get(key) ?? []) {
        if (box.x < right && box.x + box.width > left && box.y < bottom && box.y + box.height > top && !found.includes(box)) found.push(box);
      }
    });
    return found;
  }

  private visit(left: number, top: number, right: number, bottom: number, at: (key: number) => void): void {
    const c = ObstacleGrid.CELL;
    const x0 = Math.floor(left / c);
    const x1 = Math.floor(right / c);
    const y0 = Math.floor(top / c);
    const y1 = Math.floor(bottom / c);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) {
      // A segment across a huge area: every occupied cell instead of thousands of empty ones.
      for (const key of [...this.cells.keys()]) at(key);
      return;
    }
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) at(x * 100_003 + y);
  }
}

/** No cards in the way. */
export const NO_OBSTACLES: Obstacles = { near: () => [] };
