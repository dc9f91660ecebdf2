import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { autoLayout } from './auto-layout';
import { connect } from './connect';

describe('auto-layout', () => {
  it('lays a chain out left to right as one undo step', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    const types = ['DATABASE', 'SERVICE', 'LOAD_BALANCER', 'CLIENT'] as const;
    types.forEach((type, i) => store.dispatch(addComponent({ type, position: { x: i * 200, y: i * 30 } })));
    store.dispatch(connect({ source: 'client-1', target: 'lb-1' }));
    store.dispatch(connect({ source: 'lb-1', target: 'service-1' }));
    store.dispatch(connect({ source: 'service-1', target: 'db-1' }));
    const before = store.getState().doc;

    store.dispatch(autoLayout());
    const x = (id: string) => store.getState().doc.components.find((c) => c.id === id)!.position.x;
    expect(x('client-1')).toBeLessThan(x('lb-1'));
    expect(x('lb-1')).toBeLessThan(x('service-1'));
    expect(x('service-1')).toBeLessThan(x('db-1'));

    store.undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('keeps the design where it was: its top-left corner does not move', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 640, y: 400 } }));
    store.dispatch(addComponent({ type: 'CLIENT', position: { x: 900, y: 320 } }));
    store.dispatch(connect({ source: 'client-1', target: 'service-1' }));

    store.dispatch(autoLayout());
    const positions = store.getState().doc.components.map((c) => c.position);
    expect(Math.min(...positions.map((p) => p.x))).toBe(640);
    expect(Math.min(...positions.map((p) => p.y))).toBe(320);
  });

  it('changes nothing, and adds no undo step, on a design it has already laid out', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(addComponent({ type: 'CLIENT', position: { x: 300, y: 300 } }));
    store.dispatch(connect({ source: 'client-1', target: 'service-1' }));
    const before = store.getState().doc;

    store.dispatch(autoLayout());
    const laidOut = store.getState().doc;
    store.dispatch(autoLayout());
    expect(store.getState().doc).toBe(laidOut);

    store.undo();
    expect(store.getState().doc).toEqual(before);
  });
});
