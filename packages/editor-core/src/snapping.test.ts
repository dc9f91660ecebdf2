import { snapBox, snapToGrid, snapToGuides } from './snapping';

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('snapping', () => {
  it('snaps a point to the nearest grid intersection', () => {
    expect(snapToGrid({ x: 23, y: -7 }, 20)).toEqual({ x: 20, y: 0 });
    expect(snapToGrid({ x: 31, y: 49 }, 20)).toEqual({ x: 40, y: 40 });
  });

  it('aligns a dragged box edge with a nearby edge and draws the guide over both boxes', () => {
    const other = box(200, 0);
    const result = snapToGuides(box(203, 120), [other], { zoom: 1 });
    expect(result.position).toEqual({ x: 200, y: 120 });
    expect(result.guides).toContainEqual({ orientation: 'vertical', at: 200, from: 0, to: 170 });
    expect(result.guides).toContainEqual({ orientation: 'vertical', at: 250, from: 0, to: 170 });
  });

  it('aligns centres too, horizontally', () => {
    const result = snapToGuides(box(400, 4, 100, 40), [box(0, 0, 100, 50)], { zoom: 1 });
    expect(result.position.y).toBe(5);
    expect(result.guides).toEqual([{ orientation: 'horizontal', at: 25, from: 0, to: 500 }]);
  });

  it('measures the threshold in screen pixels, so zooming in narrows it in world units', () => {
    expect(snapToGuides(box(204, 300), [box(200, 0)], { zoom: 1 }).position.x).toBe(200);
    expect(snapToGuides(box(204, 300), [box(200, 0)], { zoom: 2 }).position.x).toBe(204);
    expect(snapToGuides(box(204, 300), [box(200, 0)], { zoom: 2 }).guides).toEqual([]);
  });

  it('picks the nearest alignment when several are within reach', () => {
    expect(snapToGuides(box(103, 300), [box(0, 0), box(105, 0)], { zoom: 1, thresholdPx: 8 }).position.x).toBe(105);
  });

  it('falls back to the grid on an axis with no alignment in reach', () => {
    const result = snapBox(box(203, 433), [box(200, 0)], { zoom: 1, gridSize: 20 });
    expect(result.position).toEqual({ x: 200, y: 440 });
  });
});
