import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { connect } from './connect';
import { updateProperties } from './update-properties';

function clientToService() {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  store.dispatch(addComponent({ type: 'CLIENT', position: { x: 0, y: 0 } }));
  store.dispatch(addComponent({ type: 'SERVICE', position: { x: 200, y: 0 } }));
  store.dispatch(connect({ source: 'client-1', target: 'service-1' }));
  return store;
}
const propertiesOf = (store: EditorStore, id: string) =>
  [...store.getState().doc.components, ...store.getState().doc.connections].find((e) => e.id === id)!.properties;

describe('updating properties', () => {
  it('shallow-merges values into the object at a property path', () => {
    const store = clientToService();
    store.dispatch(updateProperties({ id: 'client-1', path: ['arrival'], values: { ratePerSec: 200 } }));
    expect(propertiesOf(store, 'client-1')).toEqual({ arrival: { process: 'poisson', ratePerSec: 200 } });
  });

  it('creates missing objects along the path and removes fields set to undefined', () => {
    const store = clientToService();
    store.dispatch(updateProperties({ id: 'service-1', path: ['retry'], values: { maxAttempts: 3, backoff: 'exponential' } }));
    store.dispatch(updateProperties({ id: 'service-1', values: { workers: undefined, timeoutMs: 250 } }));
    expect(propertiesOf(store, 'service-1')).toEqual({
      replicas: 1,
      serviceTime: { dist: 'exponential', mean: 10 },
      retry: { maxAttempts: 3, backoff: 'exponential' },
      timeoutMs: 250,
    });
  });

  it('updates a connection too, undoably', () => {
    const store = clientToService();
    const before = store.getState().doc;
    store.dispatch(updateProperties({ id: 'conn-1', path: ['latency'], values: { dist: 'constant', value: 2 } }));
    expect(propertiesOf(store, 'conn-1')).toEqual({ latency: { dist: 'constant', value: 2 } });
    store.undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('refuses a path through a value that is not an object, and an unknown id', () => {
    const store = clientToService();
    expect(store.dispatch(updateProperties({ id: 'service-1', path: ['replicas'], values: { x: 1 } }))).toEqual({
      ok: false,
      code: 'not_an_object',
      message: "properties.replicas of 'service-1' is not an object",
    });
    expect(store.dispatch(updateProperties({ id: 'ghost', values: {} }))).toMatchObject({ ok: false, code: 'unknown_element' });
  });

  it('records nothing when the values are already there', () => {
    const store = clientToService();
    const doc = store.getState().doc;
    store.dispatch(updateProperties({ id: 'client-1', path: ['arrival'], values: { ratePerSec: 50 } }));
    expect(store.getState().doc).toBe(doc);
  });
});
