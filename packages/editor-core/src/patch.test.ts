import { createComponent } from './component-defaults';
import { emptyDocument, type EditorDocument } from './document';
import { applyPatch, diffDocuments, invertPatch, isEmptyPatch } from './patch';

const at = (x: number) => ({ x, y: 0 });

describe('a document patch', () => {
  const before: EditorDocument = {
    ...emptyDocument('v1'),
    components: [createComponent('CLIENT', 'a', at(0)), createComponent('SERVICE', 'b', at(1)), createComponent('SERVICE', 'c', at(2))],
    connections: [{ id: 'ab', source: 'a', target: 'b', properties: {} }],
  };

  it('replays a change exactly and its inverse restores the original, order included', () => {
    const after: EditorDocument = {
      name: 'v2',
      description: 'edited',
      components: [before.components[0], { ...before.components[2], position: at(9) }, createComponent('QUEUE', 'd', at(3))],
      connections: [],
    };
    const patch = diffDocuments(before, after);
    expect(applyPatch(before, patch)).toEqual(after);
    expect(applyPatch(after, invertPatch(patch))).toEqual(before);
  });

  it('is empty between a document and itself', () => {
    expect(isEmptyPatch(diffDocuments(before, before))).toBe(true);
  });
});
