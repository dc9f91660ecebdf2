import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { moveComponents } from './move-components';
import { selectAll } from './select';

function twoServices() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
  store.dispatch(addComponent({ type: 'SERVICE', position: { x: 200, y: 0 } }));
  return store;
}

describe('moving components', () => {
  it('moves the selection by a delta and leaves the rest alone', () => {
    const store = twoServices();
    store.dispatch(moveComponents({ dx: 15, dy: -5 }));
    expect(store.getState().doc.components.map((c) => c.position)).toEqual([{ x: 0, y: 0 }, { x: 215, y: -5 }]);
  });

  it('moves the components named instead when ids are given', () => {
    const store = twoServices();
    store.dispatch(selectAll());
    store.dispatch(moveComponents({ dx: 1, dy: 1, ids: ['service-1'] }));
    expect(store.getState().doc.components.map((c) => c.position)).toEqual([{ x: 1, y: 1 }, { x: 200, y: 0 }]);
  });

  it('is undone exactly, keeping untouched components as the same objects', () => {
    const store = twoServices();
    const before = store.getState().doc;
    store.dispatch(moveComponents({ dx: 15, dy: -5 }));
    store.undo();
    expect(store.getState().doc).toEqual(before);
    expect(store.getState().doc.components[0]).toBe(before.components[0]);
  });
});
