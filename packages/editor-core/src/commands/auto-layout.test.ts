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
});
