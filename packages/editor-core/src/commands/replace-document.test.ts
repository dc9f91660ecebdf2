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

  it('keeps the elements that come back unchanged, so its undo step holds only the changes', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(addComponent({ type: 'DATABASE', position: { x: 200, y: 0 } }));
    const before = store.getState().doc;
    // The design as a file would hold it (keys in another order), one component moved.
    const file = JSON.parse(JSON.stringify(toDesign(before))) as ReturnType<typeof toDesign>;
    file.components[1] = { ...file.components[1]!, position: { x: 400, y: 0 } };
    const reread = fromDesign(JSON.stringify(file));
    if (!reread.ok) throw new Error('fixture invalid');
    store.dispatch(replaceDocument(reread.doc));
    const after = store.getState().doc;
    expect(after.components[0]).toBe(before.components[0]);
    expect(after.components[1]).not.toBe(before.components[1]);
    expect(after.components[1]!.position).toEqual({ x: 400, y: 0 });
  });

  it('changes nothing, and keeps the revision, when the design is equal to the one open', () => {
    const store = new EditorStore({ env: { createId: sequentialIds() } });
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const before = store.getState().doc;
    const revision = store.revision;
    const reread = fromDesign(JSON.stringify(toDesign(before)));
    if (!reread.ok) throw new Error('fixture invalid');
    store.dispatch(replaceDocument({ ...reread.doc, name: before.name }));
    expect(store.getState().doc).toBe(before);
    expect(store.revision).toBe(revision);
    expect(store.getState().selection.size).toBe(0);
  });
});
