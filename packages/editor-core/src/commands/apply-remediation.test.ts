import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { fromDesign } from '../document';
import { applyRemediation } from './apply-remediation';

function store(): EditorStore {
  const imported = fromDesign({
    components: [
      { id: 'api', type: 'SERVICE', properties: { replicas: 2, serviceTime: { dist: 'exponential', mean: 10 } } },
      { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'exponential', mean: 5 } } },
    ],
    connections: [{ id: 'c1', source: 'api', target: 'db' }],
  });
  if (!imported.ok) throw new Error('fixture');
  return new EditorStore({ env: { createId: sequentialIds() }, doc: imported.doc });
}

describe('applyRemediation', () => {
  it('changes several components in one undo step and selects them', () => {
    const s = store();
    const result = s.dispatch(applyRemediation({ changes: [{ componentId: 'db', properties: { replicas: 2 } }, { componentId: 'api', properties: { timeoutMs: 2000 } }] }));
    expect(result.ok).toBe(true);
    const props = (id: string) => s.getState().doc.components.find((c) => c.id === id)!.properties as Record<string, unknown>;
    expect(props('db').replicas).toBe(2);
    expect(props('api').timeoutMs).toBe(2000);
    expect([...s.getState().selection].sort()).toEqual(['api', 'db']);
    s.undo();
    expect(props('db').replicas).toBeUndefined();
    expect(props('api').timeoutMs).toBeUndefined();
  });

  it('refuses an unknown component and changes nothing', () => {
    const s = store();
    const before = s.getState().doc;
    expect(s.dispatch(applyRemediation({ changes: [{ componentId: 'nope', properties: { replicas: 2 } }] })).ok).toBe(false);
    expect(s.getState().doc).toBe(before);
    expect(s.canUndo()).toBe(false);
  });
});
