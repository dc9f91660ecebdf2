import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';

describe('adding a component', () => {
  it('adds it with default properties and an injected id, and selects it', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'CACHE', position: { x: 40, y: 60 } }));
    const { doc, selection } = store.getState();
    expect(doc.components).toEqual([
      { id: 'cache-1', type: 'CACHE', position: { x: 40, y: 60 }, properties: { hitRatio: 0.8, serviceTime: { dist: 'exponential', mean: 1 } } },
    ]);
    expect([...selection]).toEqual(['cache-1']);
  });

  it('skips ids the design already uses', () => {
    const createId = jest.fn().mockReturnValueOnce('taken').mockReturnValueOnce('taken').mockReturnValueOnce('fresh');
    const store = new EditorStore({ env: { createId } });
    store.load({ name: '', components: [{ id: 'taken', type: 'QUEUE', position: { x: 0, y: 0 }, properties: {} }], connections: [] });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    expect(store.getState().doc.components.map((c) => c.id)).toEqual(['taken', 'fresh']);
    expect(createId).toHaveBeenCalledWith('service');
  });

  it('is undone and redone exactly', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'CLIENT', position: { x: 0, y: 0 } }));
    const before = store.getState();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 200, y: 0 } }));
    const after = store.getState();
    store.undo();
    expect(store.getState().doc).toEqual(before.doc);
    expect(store.getState().selection).toEqual(before.selection);
    store.redo();
    expect(store.getState().doc).toEqual(after.doc);
    expect(store.getState().selection).toEqual(after.selection);
  });
});
