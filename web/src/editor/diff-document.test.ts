import type { DesignDiffDto } from '@architech/contracts';
import type { EditorDocument } from '@architech/editor-core';
import { buildDiffView } from './diff-document';

const svc = (id: string, x = 0) => ({ id, type: 'SERVICE' as const, position: { x, y: 0 }, properties: { serviceTime: { dist: 'constant' as const, value: 5 } } });

describe('a diff view', () => {
  const newer: EditorDocument = {
    name: 'D',
    components: [svc('a'), { ...svc('b', 200), properties: { replicas: 3 } }, svc('new', 400)],
    connections: [{ id: 'a-b', source: 'a', target: 'b', properties: {} }],
  };
  // The API answers parsed designs (defaults spelled out); a diff only needs ids and shapes here.
  const diff = {
    from: { id: 'v1', version: 1 },
    to: { id: 'v2', version: 2 },
    components: { added: [svc('new', 400)], removed: [svc('gone', 600)], changed: [{ before: svc('b', 200), after: { ...svc('b', 200), properties: { replicas: 3 } } }] },
    connections: { added: [], removed: [{ id: 'b-gone', source: 'b', target: 'gone' }, { id: 'x-y', source: 'x', target: 'y' }], changed: [] },
  } as unknown as DesignDiffDto;

  it('draws the newer version plus ghosts of what was removed', () => {
    const view = buildDiffView(newer, diff);
    expect(view.doc.components.map((c) => c.id)).toEqual(['a', 'b', 'new', 'gone']);
    expect(view.doc.connections.map((c) => c.id)).toEqual(['a-b', 'b-gone']);
  });

  it('marks every element added, removed or changed, and leaves the rest unmarked', () => {
    const { marks } = buildDiffView(newer, diff);
    expect(Object.fromEntries(marks)).toEqual({ new: 'added', b: 'changed', gone: 'removed', 'b-gone': 'removed' });
  });

  it('counts the changes as the API reported them', () => {
    expect(buildDiffView(newer, diff).counts).toEqual({ added: 1, removed: 3, changed: 1 });
  });
});
