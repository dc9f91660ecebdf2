/**
 * Small designs for the specs: low rates and short runs keep each CLI call well under a second.
 */

/** users → lb → web → db, 20 requests/s; web and db are lightly loaded. */
export function threeTier(ratePerSec = 20): unknown {
  return {
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec } } },
      { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy: 'round_robin' } },
      { id: 'web', type: 'SERVICE', properties: { replicas: 2, workers: 2, serviceTime: { dist: 'exponential', mean: 20 } } },
      { id: 'db', type: 'DATABASE', properties: { workers: 4, serviceTime: { dist: 'exponential', mean: 5 } } },
    ],
    connections: [
      { id: 'users-lb', source: 'users', target: 'lb' },
      { id: 'lb-web', source: 'lb', target: 'web' },
      { id: 'web-db', source: 'web', target: 'db', properties: { latency: { dist: 'constant', value: 1 } } },
    ],
  };
}

/** One client and one single-worker service offered 150% of its capacity. */
export function overloaded(): unknown {
  return {
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 30 } } },
      { id: 'slow', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 50 } } },
    ],
    connections: [{ id: 'users-slow', source: 'users', target: 'slow' }],
  };
}

/** {@link threeTier} plus a cache nothing sends requests to. */
export function withUnreachable(): unknown {
  const design = threeTier() as { components: unknown[] };
  return { ...design, components: [...design.components, { id: 'orphan', type: 'CACHE', properties: { hitRatio: 1, serviceTime: { dist: 'constant', value: 1 } } }] };
}
