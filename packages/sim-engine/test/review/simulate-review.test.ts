import { simulateReview, type Finding } from '../../src';
import { client, connect } from '../fixtures';
import { healthy, station } from './review-fixtures';

const sims = (f: Finding) => f.evidence.filter((e) => e.kind === 'simulation');

describe('simulateReview', () => {
  it('turns a warned single point of failure behind an optional call into a pass when its crash is tolerated', () => {
    const design = {
      components: [client('clients', 50), station('api', { timeoutMs: 2000 }), station('recs', { replicas: 1, timeoutMs: 200 })],
      connections: [connect('clients', 'api'), connect('api', 'recs', { optional: true })],
    };
    const spof = simulateReview(design).findings.find((f) => f.rule === 'single-point-of-failure')!;
    expect(spof.outcome).toBe('pass');
    expect(sims(spof)[0]).toMatchObject({ scenario: 'crash recs for 30 s', window: { fromSec: 30, toSec: 60 }, run: { seed: 1, faults: [{ type: 'crash', target: 'recs' }] } });
  });

  it('keeps a required single point of failure failing, with the crash window figures and failed traces', () => {
    const review = simulateReview(healthy({ rate: 50, db: { replicas: 1 } }));
    const spof = review.findings.find((f) => f.rule === 'single-point-of-failure')!;
    expect(spof).toMatchObject({ outcome: 'fail', severity: 'critical' });
    const [evidence] = sims(spof);
    if (evidence.kind !== 'simulation') throw new Error('no simulation evidence');
    expect(evidence.figures.errorRise).toBeGreaterThan(0.9);
    expect(evidence.failedTraces.length).toBeGreaterThan(0);
    expect(evidence.failedTraces[0].failedAt).toContain('db');
    expect(review.simulated).toBe(true);
  });

  it('reports the 2× load step: a pass with headroom, a warning naming the saturated station without', () => {
    const roomy = simulateReview(healthy({ rate: 50 })).findings.find((f) => f.rule === 'load-step-headroom')!;
    expect(roomy.outcome).toBe('pass');
    // api at ρ = 0.6 (480 req/s × 10 ms / 8): 2× is 1.2
    const tight = simulateReview(healthy({ rate: 480, api: { queueCapacity: 20 } })).findings.find((f) => f.rule === 'load-step-headroom')!;
    expect(tight.outcome).toBe('warn');
    expect(tight.components).toContain('api');
    expect(tight.fix?.changes).toContainEqual({ componentId: 'api', properties: { replicas: 4 } });
  });

  it('is deterministic per seed', () => {
    const design = healthy({ rate: 50, db: { replicas: 1 } });
    expect(JSON.stringify(simulateReview(design, { seed: 7 }))).toBe(JSON.stringify(simulateReview(design, { seed: 7 })));
  });
});
