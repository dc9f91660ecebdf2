import { validateDesign } from './design-validation';

/* docs/engine.md §3: unknown keys are rejected at the top level too, as the API always did. */
describe('a design with an unknown top-level key', () => {
  const design = {
    name: 'D',
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 5 } } },
      { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 10 } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }],
  };

  it('is refused, naming the key (a typo must not drop the connections silently)', () => {
    const outcome = validateDesign({ ...design, conections: [] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toMatchObject({ code: 'unrecognized_keys' });
    expect(outcome.issues[0].message).toMatch(/conections/);
  });

  it('is accepted without it', () => {
    expect(validateDesign(design).ok).toBe(true);
  });
});
