import { describe, expect, it } from '@jest/globals';
import { analyseDesign } from '../design-analysis';
import { elementLevelIssues, issuesAt, propertyIssuePath } from './field-issues';

const doc = {
  name: 'D',
  components: [
    { id: 'users', type: 'CLIENT' as const, position: { x: 0, y: 0 }, properties: { arrival: { process: 'poisson' as const, ratePerSec: 10 } } },
    { id: 'api', type: 'SERVICE' as const, position: { x: 200, y: 0 }, properties: { serviceTime: { dist: 'exponential' as const, mean: -1 }, timeoutMs: 0 } },
    { id: 'lb', type: 'LOAD_BALANCER' as const, position: { x: 400, y: 0 }, properties: {} },
  ],
  connections: [{ id: 'c1', source: 'users', target: 'api', properties: {} }],
};

describe('placing validation issues under the fields of the properties panel', () => {
  const validation = analyseDesign(doc).validation;

  it('names a property the way validateDesign does, indexes in brackets', () => {
    expect(propertyIssuePath('components[1]', ['serviceTime', 'mean'])).toBe('components[1].properties.serviceTime.mean');
    expect(propertyIssuePath('components[0]', ['arrival', 'profile', 'points', 2, 0])).toBe('components[0].properties.arrival.profile.points[2][0]');
  });

  it('gives each field exactly the problems of its own path, in the API’s words', () => {
    const api = validation.byElement.get('api');
    expect(issuesAt(api, 'components[1].properties.serviceTime.mean').errors.map((i) => i.message)).toEqual(
      validation.errors.filter((i) => i.path === 'components[1].properties.serviceTime.mean').map((i) => i.message),
    );
    expect(issuesAt(api, 'components[1].properties.serviceTime.mean').errors).toHaveLength(1);
    expect(issuesAt(api, 'components[1].properties.timeoutMs').errors).toHaveLength(1);
    expect(issuesAt(api, 'components[1].properties.replicas').errors).toHaveLength(0);
  });

  it('keeps for the element itself only what no field shows', () => {
    const element = {
      errors: [
        { path: 'components[2]', code: 'no_downstream', message: 'LOAD_BALANCER needs a downstream connection' },
        { path: 'components[2].name', code: 'too_big', message: 'too long' },
        { path: 'components[2].properties', code: 'unrecognized_keys', message: 'Unrecognized key: "x"' },
        { path: 'components[2].properties.strategy', code: 'invalid_value', message: 'bad strategy' },
      ],
      warnings: [],
    };
    expect(elementLevelIssues(element, 'components[2]', ['components[2].name']).errors.map((i) => i.code)).toEqual(['no_downstream', 'unrecognized_keys']);
  });
});
