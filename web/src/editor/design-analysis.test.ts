import { describe, expect, it } from '@jest/globals';
import { validateDesign } from '@architech/contracts';
import { toDesign, type EditorDocument } from '@architech/editor-core';
import { analyseDesign } from './design-analysis';
import { planPreview } from './preview/preview-model';

const doc: EditorDocument = {
  name: 'D',
  components: [
    { id: 'users', type: 'CLIENT', position: { x: 0, y: 0 }, properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
    { id: 'api', type: 'SERVICE', position: { x: 200, y: 0 }, properties: { serviceTime: { dist: 'exponential', mean: 5 } } },
  ],
  connections: [{ id: 'c1', source: 'users', target: 'api', properties: {} }],
};

describe('the design analysis', () => {
  it('holds the document as the API takes it, the verdict of validateDesign on it, and the validation by element', () => {
    const analysis = analyseDesign(doc);
    expect(analysis.doc).toBe(doc);
    expect(analysis.design).toEqual(toDesign(doc));
    expect(analysis.outcome).toEqual(validateDesign(toDesign(doc)));
    expect(analysis.validation).toMatchObject({ runnable: true, errors: [] });
  });

  it('is computed once per document: asking again for the same document gives the same analysis', () => {
    expect(analyseDesign(doc)).toBe(analyseDesign(doc));
    const edited = { ...doc, name: 'E' };
    expect(analyseDesign(edited)).not.toBe(analyseDesign(doc));
    expect(analyseDesign(edited).design.name).toBe('E');
  });

  it('is what the preview plans from', () => {
    const plan = planPreview(analyseDesign(doc).outcome);
    expect(plan.kind).toBe('run');
    const broken = { ...doc, components: [doc.components[0]!, { ...doc.components[1]!, properties: { serviceTime: { dist: 'exponential' as const, mean: -1 } } }] };
    expect(planPreview(analyseDesign(broken).outcome)).toMatchObject({ kind: 'skip', state: { status: 'invalid' } });
  });
});
