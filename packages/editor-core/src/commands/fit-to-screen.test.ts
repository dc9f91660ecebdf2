import { EditorStore } from '../editor-store';
import { COMPONENT_SIZE } from '../geometry';
import { sequentialIds } from '../ids';
import { worldToScreen } from '../viewport';
import { addComponent } from './add-component';
import { fitToScreen } from './fit-to-screen';

describe('fit to screen', () => {
  it('zooms so every component fits inside the padding, centred on the canvas', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'CLIENT', position: { x: -500, y: 0 } }));
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 1500, y: 300 } }));
    store.dispatch(fitToScreen({ canvas: { width: 1000, height: 600 }, paddingPx: 50 }));
    const viewport = store.getState().viewport;
    const right = 1500 + COMPONENT_SIZE.width;
    expect(viewport.zoom).toBeCloseTo(900 / (right + 500), 9);
    expect(worldToScreen(viewport, { x: -500, y: 0 }).x).toBeCloseTo(50, 9);
    expect(worldToScreen(viewport, { x: right, y: 0 }).x).toBeCloseTo(950, 9);
    const middleY = (0 + 300 + COMPONENT_SIZE.height) / 2;
    expect(worldToScreen(viewport, { x: 0, y: middleY }).y).toBeCloseTo(300, 9);
  });

  it('does not blow a small design up beyond 100 %, and centres it', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(fitToScreen({ canvas: { width: 1000, height: 600 } }));
    expect(store.getState().viewport).toEqual({ x: 500 - COMPONENT_SIZE.width / 2, y: 300 - COMPONENT_SIZE.height / 2, zoom: 1 });
  });

  it('returns to the origin at 100 % for an empty design', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() }, viewport: { x: 9, y: 9, zoom: 3 } });
    store.dispatch(fitToScreen({ canvas: { width: 1000, height: 600 } }));
    expect(store.getState().viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
