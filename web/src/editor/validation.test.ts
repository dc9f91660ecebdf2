import { emptyDocument, type EditorDocument } from '@architech/editor-core';
import { analyseDesign } from './design-analysis';
import { elementPath } from './validation';

const validateDocument = (doc: EditorDocument) => analyseDesign(doc).validation;

const doc: EditorDocument = {
  name: 'D',
  components: [
    { id: 'users', type: 'CLIENT', position: { x: 0, y: 0 }, properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
    { id: 'api', type: 'SERVICE', position: { x: 200, y: 0 }, properties: { serviceTime: { dist: 'exponential', mean: -1 } } },
  ],
  connections: [{ id: 'c1', source: 'users', target: 'api', properties: {} }],
};

describe('validating the design being edited', () => {
  it('files each issue under the element its path points into, with the API’s message', () => {
    const v = validateDocument(doc);
    expect(v.runnable).toBe(false);
    expect(v.errors[0]!.path).toBe('components[1].properties.serviceTime.mean');
    expect(v.byElement.get('api')!.errors.map((i) => i.path)).toEqual(['components[1].properties.serviceTime.mean']);
    expect(v.byElement.has('users')).toBe(false);
  });

  it('calls a valid design runnable and an empty one not', () => {
    const fixed = { ...doc, components: [doc.components[0]!, { ...doc.components[1]!, properties: { serviceTime: { dist: 'exponential' as const, mean: 5 } } }] };
    expect(validateDocument(fixed)).toMatchObject({ runnable: true, errors: [] });
    expect(validateDocument(emptyDocument()).runnable).toBe(false);
  });

  it('knows the path prefix of each element', () => {
    expect(elementPath(doc, 'api')).toBe('components[1]');
    expect(elementPath(doc, 'c1')).toBe('connections[0]');
    expect(elementPath(doc, 'nope')).toBeUndefined();
  });
});
