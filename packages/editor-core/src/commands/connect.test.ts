import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { connect } from './connect';

function clientAndService() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  store.dispatch(addComponent({ type: 'CLIENT', position: { x: 0, y: 0 } }));
  store.dispatch(addComponent({ type: 'SERVICE', position: { x: 200, y: 0 } }));
  return store;
}

describe('connecting components', () => {
  it('adds a connection from the source handle to the target, undoably', () => {
    const store = clientAndService();
    const before = store.getState().doc;
    expect(store.dispatch(connect({ source: 'client-1', target: 'service-1' }))).toEqual({ ok: true });
    expect(store.getState().doc.connections).toEqual([{ id: 'conn-1', source: 'client-1', target: 'service-1', properties: {} }]);
    store.undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('refuses a self-loop', () => {
    const store = clientAndService();
    expect(store.dispatch(connect({ source: 'service-1', target: 'service-1' }))).toMatchObject({ ok: false, code: 'self_loop' });
  });

  it('refuses a second connection between the same components in the same direction', () => {
    const store = clientAndService();
    store.dispatch(connect({ source: 'client-1', target: 'service-1' }));
    const refusal = store.dispatch(connect({ source: 'client-1', target: 'service-1' }));
    expect(refusal).toEqual({ ok: false, code: 'duplicate_connection', message: expect.stringContaining('conn-1') });
    expect(store.getState().doc.connections).toHaveLength(1);
  });

  it('refuses a connection into a CLIENT, saying why', () => {
    const store = clientAndService();
    expect(store.dispatch(connect({ source: 'service-1', target: 'client-1' }))).toEqual({
      ok: false,
      code: 'invalid_target',
      message: expect.stringContaining('CLIENT'),
    });
  });

  it('refuses an unknown end and leaves the history untouched', () => {
    const store = clientAndService();
    store.undo();
    expect(store.dispatch(connect({ source: 'client-1', target: 'ghost' }))).toMatchObject({ ok: false, code: 'unknown_element' });
    expect(store.canRedo()).toBe(true);
  });
});
