import { EditorStore } from '../editor-store';
import { fromDesign, toDesign } from '../document';
import { sequentialIds } from '../ids';
import { addComponent } from './add-component';
import { replaceDocument } from './replace-document';

describe('replacing the document', () => {
  it('imports a design as one undo step, and undo brings the drawing back', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const drawn = store.getState().doc;
    const imported = fromDesign(JSON.stringify({ name: 'Imported', components: [{ id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 5 } } }, { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 1 } } }], connections: [{ id: 'c1', source: 'users', target: 'api' }] }));
    if (!imported.ok) throw new Error('fixture invalid');
    store.dispatch(replaceDocument(imported.doc));
    expect(store.getState().doc.name).toBe('Imported');
    expect(store.getState().selection.size).toBe(0);
    expect(toDesign(store.getState().doc).components.map((c) => c.id)).toEqual(['users', 'api']);
    store.undo();
    expect(store.getState().doc).toEqual(drawn);
  });
});
