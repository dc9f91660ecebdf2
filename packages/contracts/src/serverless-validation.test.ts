import { validateDesign } from './design-validation';

const lambda = { maxConcurrency: 10, coldStart: { dist: 'constant', value: 300 } };

function design(properties: Record<string, unknown>) {
  return {
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 5 } } },
      { id: 'fn', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 20 }, serverless: lambda, ...properties } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'fn' }],
  };
}

function issuesOf(properties: Record<string, unknown>) {
  const outcome = validateDesign(design(properties));
  return outcome.ok ? [] : outcome.issues.map((i) => [i.path, i.code]);
}

describe('a serverless component', () => {
  it('is valid with its defaults filled in', () => {
    const outcome = validateDesign(design({ rateLimit: { perSec: 100, burst: 20 } }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const fn = outcome.value.components[1];
    expect(fn.type === 'SERVICE' && fn.properties.serverless).toEqual({ ...lambda, concurrencyPerInstance: 1, idleTimeoutSec: 600, memoryMb: 1024 });
  });

  it('rejects autoscaling, naming the field', () => {
    expect(issuesOf({ autoscaling: { minReplicas: 1, maxReplicas: 4, targetUtilization: 0.6 } })).toEqual([['components[1].properties.autoscaling', 'not_applicable']]);
  });

  it('rejects a queue capacity: calls beyond the limit are throttled, not queued', () => {
    expect(issuesOf({ queueCapacity: 10 })).toEqual([['components[1].properties.queueCapacity', 'not_applicable']]);
  });

  it('rejects replicas and workers other than 1', () => {
    expect(issuesOf({ replicas: 3, workers: 4 })).toEqual([
      ['components[1].properties.replicas', 'not_applicable'],
      ['components[1].properties.workers', 'not_applicable'],
    ]);
    expect(issuesOf({ replicas: 1, workers: 1 })).toEqual([]);
  });

  it('names a bad serverless or rateLimit field', () => {
    expect(issuesOf({ serverless: { ...lambda, maxConcurrency: 0 } })).toEqual([['components[1].properties.serverless.maxConcurrency', 'too_small']]);
    expect(issuesOf({ rateLimit: { perSec: 0, burst: 1 } })).toEqual([['components[1].properties.rateLimit.perSec', 'too_small']]);
  });
});
