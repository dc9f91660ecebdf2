import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { connect } from './connect';
import { deleteSelection } from './delete-selection';
import { selectByClick, setSelection } from './select';

/** client → lb → service-1, lb → service-2. */
function fanOut() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  for (const type of ['CLIENT', 'LOAD_BALANCER', 'SERVICE', 'SERVICE'] as const) {
    store.dispatch(addComponent({ type, position: { x: 0, y: 0 } }));
  }
  store.dispatch(connect({ source: 'client-1', target: 'lb-1' }));
  store.dispatch(connect({ source: 'lb-1', target: 'service-1' }));
  store.dispatch(connect({ source: 'lb-1', target: 'service-2' }));
  return store;
}

describe('deleting the selection', () => {
  it('removes the connections touching a deleted component, so none dangles', () => {
    const store = fanOut();
    store.dispatch(selectByClick('lb-1'));
    store.dispatch(deleteSelection());
    const { doc, selection } = store.getState();
    expect(doc.components.map((c) => c.id)).toEqual(['client-1', 'service-1', 'service-2']);
    expect(doc.connections).toEqual([]);
    expect(selection.size).toBe(0);
  });

  it('removes a selected connection alone', () => {
    const store = fanOut();
    store.dispatch(selectByClick('conn-2'));
    store.dispatch(deleteSelection());
    expect(store.getState().doc.connections.map((c) => c.id)).toEqual(['conn-1', 'conn-3']);
  });

  it('is undone exactly: elements come back in their places, and the selection with them', () => {
    const store = fanOut();
    store.dispatch(setSelection(['client-1', 'service-1']));
    const before = store.getState();
    store.dispatch(deleteSelection());
    store.undo();
    expect(store.getState().doc).toEqual(before.doc);
    expect(store.getState().selection).toEqual(before.selection);
  });

  it('does nothing, and records nothing, when nothing is selected', () => {
    const store = fanOut();
    store.dispatch(selectByClick(null));
    const doc = store.getState().doc;
    store.dispatch(deleteSelection());
    expect(store.getState().doc).toBe(doc);
  });
});
