import { validateDesign } from '../contracts';
import { toDesign } from '../document';
import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { connect } from './connect';
import { setFanOut } from './set-fan-out';
import { updateProperties } from './update-properties';

/** client-1 → service-1 → (service-2, service-3). */
function fork() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  store.dispatch(addComponent({ type: 'CLIENT', position: { x: 0, y: 0 } }));
  for (const y of [0, -100, 100]) store.dispatch(addComponent({ type: 'SERVICE', position: { x: 200 + (y === 0 ? 0 : 200), y } }));
  store.dispatch(connect({ source: 'client-1', target: 'service-1' }));
  store.dispatch(connect({ source: 'service-1', target: 'service-2' }));
  store.dispatch(connect({ source: 'service-1', target: 'service-3' }));
  return store;
}
const connection = (store: EditorStore, id: string) => store.getState().doc.connections.find((c) => c.id === id)!;

describe('switching how a component calls its downstreams', () => {
  it('sets fanOut and drops weights from its outgoing connections in one undo step', () => {
    const store = fork();
    store.dispatch(updateProperties({ id: 'conn-2', values: { weight: 3, optional: true } }));
    store.dispatch(updateProperties({ id: 'conn-1', values: { weight: 2 } }));
    const before = store.getState().doc;
    store.dispatch(setFanOut({ id: 'service-1', mode: 'all' }));
    expect(store.getState().doc.components[1].properties).toMatchObject({ fanOut: 'all' });
    expect(connection(store, 'conn-2').properties).toEqual({ optional: true });
    // Only the component's own outgoing connections change.
    expect(connection(store, 'conn-1').properties).toEqual({ weight: 2 });
    expect(validateDesign(toDesign(store.getState().doc)).ok).toBe(true);
    store.undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('drops stage and probability when switching back to one downstream, keeping optional', () => {
    const store = fork();
    store.dispatch(setFanOut({ id: 'service-1', mode: 'all' }));
    store.dispatch(updateProperties({ id: 'conn-2', values: { stage: 2, probability: 0.3, optional: true } }));
    expect(validateDesign(toDesign(store.getState().doc)).ok).toBe(true);
    store.dispatch(setFanOut({ id: 'service-1', mode: 'one' }));
    expect(connection(store, 'conn-2').properties).toEqual({ optional: true });
    expect(validateDesign(toDesign(store.getState().doc)).ok).toBe(true);
  });

  it('records nothing when the mode is already set, and refuses components that cannot fan out', () => {
    const store = fork();
    store.dispatch(setFanOut({ id: 'service-1', mode: 'all' }));
    const doc = store.getState().doc;
    store.dispatch(setFanOut({ id: 'service-1', mode: 'all' }));
    expect(store.getState().doc).toBe(doc);
    expect(store.dispatch(setFanOut({ id: 'client-1', mode: 'all' }))).toMatchObject({ ok: false, code: 'not_applicable' });
    expect(store.dispatch(setFanOut({ id: 'ghost', mode: 'all' }))).toMatchObject({ ok: false, code: 'unknown_element' });
  });
});
