import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { routeBetween } from './connection-route';
import { ObstacleGrid } from './obstacle-grid';
import { distanceToRoute, routeMidpoint } from './route-geometry';

const box = (x: number, y: number) => ({ x, y, width: 160, height: 64 });

describe('a connection route', () => {
  it('runs straight from the right edge to the left edge of cards in line', () => {
    expect(routeBetween(box(0, 0), box(300, 0)).points).toEqual([160, 32, 300, 32]);
  });

  it('jogs half-way between cards at different heights', () => {
    expect(routeBetween(box(0, 0), box(300, 100)).points).toEqual([160, 32, 230, 32, 230, 132, 300, 132]);
  });

  it('leaves a card below from its bottom and enters the lower one from the top, with no U-loop', () => {
    // The microservices template's case: a target below and a little to the left of its source.
    expect(routeBetween(box(300, 0), box(250, 200)).points).toEqual([380, 64, 380, 132, 330, 132, 330, 200]);
    expect(routeBetween(box(0, 0), box(0, 200)).points).toEqual([80, 64, 80, 200]);
  });

  it('enters a target to the left from its right side', () => {
    expect(routeBetween(box(400, 0), box(0, 0)).points).toEqual([400, 32, 160, 32]);
  });

  it('goes round a card in the way instead of through it', () => {
    const blocker = { x: 200, y: 0, width: 160, height: 64 };
    const route = routeBetween(box(0, 0), box(500, 0), new ObstacleGrid([box(0, 0), blocker, box(500, 0)]));
    const ys = route.points.filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys) < 0 || Math.max(...ys) > 64).toBe(true);
    for (let i = 0; i + 3 < route.points.length; i += 2) {
      const [x0, y0, x1, y1] = route.points.slice(i, i + 4) as [number, number, number, number];
      const through = y0 === y1 && y0 > 0 && y0 < 64 && Math.max(x0, x1) > 200 && Math.min(x0, x1) < 360;
      expect(through).toBe(false);
    }
  });

  it('jogs beside a card rather than across it', () => {
    const blocker = { x: 180, y: 60, width: 160, height: 64 };
    const route = routeBetween(box(0, 0), box(500, 200), new ObstacleGrid([blocker]));
    // One jog, placed where no card is.
    expect(route.points).toHaveLength(8);
    const jog = route.points[2]!;
    expect(jog <= 174 || jog >= 346).toBe(true);
  });

  it('runs through the bend points a user placed', () => {
    const route = routeBetween(box(0, 0), box(400, 0), undefined, [{ x: 240, y: 200 }]);
    // Out of the bottom (the point is below), along y = 200 through the point, into the target's bottom.
    expect(route.points).toEqual([80, 64, 80, 200, 480, 200, 480, 64]);
  });

  it('measures the distance from a point to the nearest segment', () => {
    const route = routeBetween(box(0, 0), box(300, 100));
    expect(distanceToRoute(route, { x: 230, y: 80 })).toBe(0);
    expect(distanceToRoute(route, { x: 200, y: 37 })).toBe(5);
    expect(routeMidpoint(route)).toEqual({ x: 230, y: 82 });
  });
});

describe('routes of the shipped templates', () => {
  const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', name), 'utf8')) as { components: { id: string; position: { x: number; y: number } }[]; connections: { source: string; target: string }[] };

  const crossesCard = (points: readonly number[], card: { x: number; y: number; width: number; height: number }) => {
    for (let i = 0; i + 3 < points.length; i += 2) {
      const [x0, y0, x1, y1] = points.slice(i, i + 4) as [number, number, number, number];
      const horizontal = y0 === y1 && y0 > card.y && y0 < card.y + card.height && Math.max(x0, x1) > card.x && Math.min(x0, x1) < card.x + card.width;
      const vertical = x0 === x1 && x0 > card.x && x0 < card.x + card.width && Math.max(y0, y1) > card.y && Math.min(y0, y1) < card.y + card.height;
      if (horizontal || vertical) return true;
    }
    return false;
  };

  it.each([
    ['microservices-resilience.json', undefined],
    ['three-tier.json', { id: 'cache', position: { x: 660, y: 370 }, from: 'app', to: 'db' }],
  ] as const)('%s: no route crosses a card or makes more than two bends', (file, extra) => {
    const design = load(file);
    if (extra) {
      design.components.push({ id: extra.id, position: extra.position });
      design.connections.push({ source: extra.from, target: extra.id }, { source: extra.id, target: extra.to });
    }
    const boxes = new Map(design.components.map((c) => [c.id, box(c.position.x, c.position.y)]));
    const grid = new ObstacleGrid(boxes.values());
    for (const connection of design.connections) {
      const route = routeBetween(boxes.get(connection.source)!, boxes.get(connection.target)!, grid);
      expect(route.points.length / 2 - 2).toBeLessThanOrEqual(2);
      for (const [id, card] of boxes) {
        if (id === connection.source || id === connection.target) continue;
        expect({ connection, crosses: id, hit: crossesCard(route.points, card) }).toEqual({ connection, crosses: id, hit: false });
      }
    }
  });
});
