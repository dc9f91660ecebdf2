import { copySelection } from '../clipboard';
import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { connect } from './connect';
import { duplicateSelection, paste } from './paste';
import { setSelection } from './select';

/** client → lb → service, lb → db. */
function design() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  const types = ['CLIENT', 'LOAD_BALANCER', 'SERVICE', 'DATABASE'] as const;
  types.forEach((type, i) => store.dispatch(addComponent({ type, position: { x: i * 200, y: 100 } })));
  store.dispatch(connect({ source: 'client-1', target: 'lb-1' }));
  store.dispatch(connect({ source: 'lb-1', target: 'service-1' }));
  store.dispatch(connect({ source: 'lb-1', target: 'db-1' }));
  return store;
}

describe('copy and paste', () => {
  it('pastes copies with fresh ids, offset by (20, 20), keeping only the connections among them', () => {
    const store = design();
    store.dispatch(setSelection(['lb-1', 'service-1']));
    const text = copySelection(store.getState())!;
    store.dispatch(paste(text));
    const { doc, selection } = store.getState();
    expect(doc.components.slice(4).map((c) => [c.id, c.type, c.position])).toEqual([
      ['lb-2', 'LOAD_BALANCER', { x: 220, y: 120 }],
      ['service-2', 'SERVICE', { x: 420, y: 120 }],
    ]);
    expect(doc.connections.slice(3)).toEqual([{ id: 'conn-4', source: 'lb-2', target: 'service-2', properties: {} }]);
    expect([...selection]).toEqual(['lb-2', 'service-2']);
  });

  it('leaves the clipboard alone when no component is selected', () => {
    const store = design();
    store.dispatch(setSelection(['conn-1']));
    expect(copySelection(store.getState())).toBeUndefined();
  });

  it('refuses text that is not Architech clipboard content', () => {
    const store = design();
    expect(store.dispatch(paste('hello'))).toMatchObject({ ok: false, code: 'invalid_clipboard' });
    expect(store.dispatch(paste('{"components":[{"id":"x","type":"ROUTER"}]}'))).toMatchObject({ ok: false, code: 'invalid_clipboard' });
  });

  it('duplicates the selection as one undo step', () => {
    const store = design();
    store.dispatch(setSelection(['client-1', 'lb-1']));
    const before = store.getState();
    store.dispatch(duplicateSelection());
    expect(store.getState().doc.components.map((c) => c.id)).toEqual(['client-1', 'lb-1', 'service-1', 'db-1', 'client-2', 'lb-2']);
    expect(store.getState().doc.connections.map((c) => [c.source, c.target]).at(-1)).toEqual(['client-2', 'lb-2']);
    store.undo();
    expect(store.getState().doc).toEqual(before.doc);
    expect(store.getState().selection).toEqual(before.selection);
  });
});
