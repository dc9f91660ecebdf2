import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { screenToWorld } from '../viewport';
import { panBy, setViewport, zoomAt } from './set-viewport';

const newStore = () => new EditorStore({ env: { createId: sequentialIds() }, viewport: { x: 100, y: 50, zoom: 1 } });

describe('the viewport', () => {
  it('zooms to the cursor, keeping the world point under it fixed', () => {
    const store = newStore();
    const cursor = { x: 300, y: 200 };
    const before = screenToWorld(store.getState().viewport, cursor);
    store.dispatch(zoomAt(cursor, 2.5));
    const after = store.getState().viewport;
    expect(after.zoom).toBe(2.5);
    expect(screenToWorld(after, cursor).x).toBeCloseTo(before.x, 9);
    expect(screenToWorld(after, cursor).y).toBeCloseTo(before.y, 9);
  });

  it('clamps zoom to 0.1–4', () => {
    const store = newStore();
    store.dispatch(zoomAt({ x: 0, y: 0 }, 100));
    expect(store.getState().viewport.zoom).toBe(4);
    store.dispatch(setViewport({ x: 0, y: 0, zoom: 0.001 }));
    expect(store.getState().viewport.zoom).toBe(0.1);
  });

  it('pans by screen pixels, outside the undo history', () => {
    const store = newStore();
    store.dispatch(panBy(-30, 15));
    expect(store.getState().viewport).toEqual({ x: 70, y: 65, zoom: 1 });
    expect(store.canUndo()).toBe(false);
  });
});
