import { validateDesign } from '@architech/contracts';
import { addComponent } from './commands/add-component';
import { connect } from './commands/connect';
import { emptyDocument, fromDesign, toDesign, type EditorDocument } from './document';
import { EditorStore } from './editor-store';
import { sequentialIds } from './ids';

/** client → lb → service → db, drawn from fresh components. */
function drawnChain(): EditorDocument {
  const store = new EditorStore({ env: { createId: sequentialIds() } });
  const types = ['CLIENT', 'LOAD_BALANCER', 'SERVICE', 'DATABASE'] as const;
  types.forEach((type, i) => store.dispatch(addComponent({ type, position: { x: i * 200, y: 0 } })));
  store.dispatch(connect({ source: 'client-1', target: 'lb-1' }));
  store.dispatch(connect({ source: 'lb-1', target: 'service-1' }));
  store.dispatch(connect({ source: 'service-1', target: 'db-1' }));
  return store.getState().doc;
}

describe('the editable document', () => {
  it('starts empty, with a default name', () => {
    expect(emptyDocument()).toEqual({ name: 'Untitled design', components: [], connections: [] });
  });

  it('exports a design that validateDesign accepts', () => {
    const design = toDesign(drawnChain());
    expect(validateDesign(design)).toMatchObject({ ok: true, warnings: [] });
    expect(design.name).toBe('Untitled design');
    expect(design.components[0]).toEqual({
      id: 'client-1',
      type: 'CLIENT',
      position: { x: 0, y: 0 },
      properties: { arrival: { process: 'poisson', ratePerSec: 50 } },
    });
  });

  it('exports plain JSON that shares nothing with the editor state', () => {
    const doc = drawnChain();
    const design = toDesign(doc);
    (design.components[0].position as { x: number }).x = 999;
    expect(doc.components[0].position.x).toBe(0);
  });

  it('round-trips export → import, as an object and as JSON text', () => {
    const doc = { ...drawnChain(), name: 'Checkout', description: 'Black Friday' };
    expect(fromDesign(toDesign(doc))).toEqual({ ok: true, doc, warnings: [] });
    expect(fromDesign(JSON.stringify(toDesign(doc)))).toEqual({ ok: true, doc, warnings: [] });
  });

  it('keeps properties as written on import, without spelling out the defaults', () => {
    const result = fromDesign(toDesign(drawnChain()));
    if (!result.ok) throw new Error('expected the import to succeed');
    expect(result.doc.components[2].properties).toEqual({ replicas: 1, workers: 1, serviceTime: { dist: 'exponential', mean: 10 } });
  });

  it('returns an invalid_json issue for text that is not JSON, without throwing', () => {
    const result = fromDesign('{"components": [');
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path: '', code: 'invalid_json' })] });
  });

  it('returns schema issues with the path of the offending field', () => {
    const design = toDesign(drawnChain()) as any;
    design.components[2].properties.serviceTime.mean = -3;
    expect(fromDesign(design)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'components[2].properties.serviceTime.mean', code: 'too_small' })],
    });
    expect(fromDesign(null)).toMatchObject({ ok: false });
    expect(fromDesign(42)).toMatchObject({ ok: false });
  });

  it('returns graph issues, such as a dangling connection, with their paths', () => {
    const design = toDesign(drawnChain());
    design.connections!.push({ id: 'ghost', source: 'service-1', target: 'nowhere' });
    expect(fromDesign(design)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'connections[3].target', code: 'dangling_connection' })],
    });
  });

  it('places components that have no position, left to right', () => {
    const design = toDesign(drawnChain());
    for (const component of design.components) delete component.position;
    const result = fromDesign(design);
    if (!result.ok) throw new Error('expected the import to succeed');
    const xs = result.doc.components.map((c) => c.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
  });
});
