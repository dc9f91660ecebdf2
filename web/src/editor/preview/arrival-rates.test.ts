import { describe, expect, it } from '@jest/globals';
import { validateDesign, type Design, type DesignInput } from '@architech/contracts';
import type { ComponentSummary, Summary } from '@architech/sim-engine';
import { expectedArrivalRates } from './arrival-rates';
import { previewBadges } from './preview-model';

const svc = (id: string, mean: number, extra: Record<string, unknown> = {}) => ({ id, type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: mean }, ...extra } });

function validated(input: DesignInput): Design {
  const outcome = validateDesign(input);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return outcome.value;
}

/** users (100/s) → api (fanOut all) → auth (stage 1), fraud (stage 2, p), recs (stage 2, optional); auth → cache (hit 0.75) → db. */
function checkout(probability: number, fraudMs = 5): Design {
  return validated({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } } },
      svc('api', 1, { fanOut: 'all', workers: 8 }),
      svc('auth', 1, { workers: 8 }),
      svc('fraud', fraudMs),
      svc('recs', 1, { workers: 8 }),
      { id: 'cache', type: 'CACHE', properties: { hitRatio: 0.75, serviceTime: { dist: 'constant', value: 0.1 } } },
      { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'constant', value: 1 } } },
    ],
    connections: [
      { id: 'c0', source: 'users', target: 'api' },
      { id: 'c1', source: 'api', target: 'auth', properties: { stage: 1 } },
      { id: 'c2', source: 'api', target: 'fraud', properties: { stage: 2, probability } },
      { id: 'c3', source: 'api', target: 'recs', properties: { stage: 2, optional: true } },
      { id: 'c4', source: 'auth', target: 'cache' },
      { id: 'c5', source: 'cache', target: 'db' },
    ],
  });
}

describe('the arrival rates a design offers its components', () => {
  it('sends the full rate down every fan-out edge, times its probability', () => {
    const rates = expectedArrivalRates(checkout(0.1));
    expect(rates.get('api')).toBeCloseTo(100);
    expect(rates.get('auth')).toBeCloseTo(100);
    expect(rates.get('recs')).toBeCloseTo(100);
    expect(rates.get('fraud')).toBeCloseTo(10);
    expect(rates.get('cache')).toBeCloseTo(100);
    expect(rates.get('db')).toBeCloseTo(25);
  });

  it('splits by weight when the source picks one downstream, and follows load balancers and error rates', () => {
    const rates = expectedArrivalRates(
      validated({
        components: [
          { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 90 } } },
          { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy: 'round_robin' } },
          svc('a', 1, { errorRate: 0.5 }),
          svc('b', 1),
          svc('db', 1),
        ],
        connections: [
          { id: 'c0', source: 'users', target: 'lb' },
          { id: 'c1', source: 'lb', target: 'a', properties: { weight: 2 } },
          { id: 'c2', source: 'lb', target: 'b' },
          { id: 'c3', source: 'a', target: 'db' },
        ],
      }),
    );
    expect(rates.get('a')).toBeCloseTo(60);
    expect(rates.get('b')).toBeCloseTo(30);
    expect(rates.get('db')).toBeCloseTo(30);
  });

  it('marks a rarely drawn branch overloaded from λ × probability even when the window measured no arrival there', () => {
    // fraud: one worker, 50 ms: 0.5 × 100/s × 0.05 s = 2.5 ≥ 1, but 0.005 × 100/s × 0.05 s = 0.025.
    const quiet: ComponentSummary = { type: 'SERVICE', arrivals: 0, completions: 0, errors: 0, drops: 0, timeouts: 0, rejected: 0, throughput: 0, utilization: 0, meanQueueLength: 0, throttled: 0, coldStarts: 0, instanceSeconds: 0, billedSeconds: 0, peakInstances: 0, latency: { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 } };
    const summary = (design: Design): Summary => ({
      endToEnd: { requests: 0, completions: 0, errors: 0, throughput: 0, errorRate: 0, latency: quiet.latency },
      components: Object.fromEntries(design.components.map((c) => [c.id, quiet])),
    });
    const busy = checkout(0.5, 50);
    expect(previewBadges(busy, summary(busy), 15).get('fraud')?.overloaded).toBe(true);
    const rare = checkout(0.005, 50);
    expect(previewBadges(rare, summary(rare), 15).get('fraud')?.overloaded).toBe(false);
  });
});
