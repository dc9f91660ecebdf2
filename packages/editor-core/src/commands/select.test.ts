import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { selectAll, selectByClick, selectByRectangle } from './select';

/** Three services in a row at x = 0, 200, 400 (each 160 × 64). */
function row() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  for (const x of [0, 200, 400]) store.dispatch(addComponent({ type: 'SERVICE', position: { x, y: 0 } }));
  return store;
}
const selected = (store: EditorStore) => [...store.getState().selection].sort();

describe('selecting', () => {
  it('selects the clicked component alone, and clears on a click on empty canvas', () => {
    const store = row();
    store.dispatch(selectByClick('service-2'));
    expect(selected(store)).toEqual(['service-2']);
    store.dispatch(selectByClick(null));
    expect(selected(store)).toEqual([]);
  });

  it('toggles with Shift, and a Shift-click on empty canvas keeps the selection', () => {
    const store = row();
    store.dispatch(selectByClick('service-1'));
    store.dispatch(selectByClick('service-3', { shift: true }));
    expect(selected(store)).toEqual(['service-1', 'service-3']);
    store.dispatch(selectByClick('service-1', { shift: true }));
    store.dispatch(selectByClick(null, { shift: true }));
    expect(selected(store)).toEqual(['service-3']);
  });

  it('selects by rubber band the components wholly inside it, dragged in any direction', () => {
    const store = row();
    store.dispatch(selectByRectangle({ x: 370, y: 80 }, { x: -10, y: -10 }));
    expect(selected(store)).toEqual(['service-1', 'service-2']);
  });

  it('can select what the band merely touches, and add to the selection with Shift', () => {
    const store = row();
    store.dispatch(selectByClick('service-3'));
    store.dispatch(selectByRectangle({ x: 150, y: 10 }, { x: 170, y: 20 }, { mode: 'intersect', additive: true }));
    expect(selected(store)).toEqual(['service-1', 'service-3']);
  });

  it('selects everything', () => {
    const store = row();
    store.dispatch(selectAll());
    expect(selected(store)).toEqual(['service-1', 'service-2', 'service-3']);
  });
});
