import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { renameComponent, renameDocument } from './rename';

describe('renaming', () => {
  it('sets a trimmed component name, and an empty name removes it', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(renameComponent('service-1', '  Checkout API '));
    expect(store.getState().doc.components[0].name).toBe('Checkout API');
    store.dispatch(renameComponent('service-1', '   '));
    expect(store.getState().doc.components[0]).not.toHaveProperty('name');
    store.undo();
    expect(store.getState().doc.components[0].name).toBe('Checkout API');
    expect(store.dispatch(renameComponent('ghost', 'x'))).toMatchObject({ ok: false, code: 'unknown_element' });
  });

  it('renames the design, undoably', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(renameDocument('Checkout'));
    expect(store.getState().doc.name).toBe('Checkout');
    store.undo();
    expect(store.getState().doc.name).toBe('Untitled design');
  });
});
