import { reviewDesign, blastRadius, ReviewContext } from '../../src';
import { client, connect } from '../fixtures';
import { flagged, healthy, only, station } from './review-fixtures';

describe('single-point-of-failure', () => {
  it('fails a one-replica database every request needs, critical with a blast radius of 100%', () => {
    const design = healthy({ db: { replicas: 1 } });
    const [f] = flagged(design, 'single-point-of-failure');
    expect(f).toMatchObject({ outcome: 'fail', severity: 'critical', components: ['db'], domain: 'resilience' });
    expect(f.remediation).toMatch(/2 replicas/);
    expect(f.fix?.changes).toEqual([{ componentId: 'db', properties: { replicas: 2 } }]);
    expect(f.evidence[0]).toMatchObject({ figures: { blastRadiusRequired: 1 } });
  });

  it('passes a design whose every station has 2 replicas', () => {
    expect(only(healthy(), 'single-point-of-failure').outcome).toBe('pass');
  });

  it('scales severity with the blast radius: a branch taking 30% of traffic is medium', () => {
    const design = {
      components: [client('clients', 100), station('api', { fanOut: 'all', timeoutMs: 2000 }), station('db', {}, 'DATABASE'), station('fraud', { replicas: 1 })],
      connections: [connect('clients', 'api'), connect('api', 'db'), connect('api', 'fraud', { probability: 0.3 })],
    };
    expect(blastRadius(new ReviewContext(design)).required.get('fraud')).toBeCloseTo(0.3, 9);
    expect(flagged(design, 'single-point-of-failure')[0]).toMatchObject({ outcome: 'fail', severity: 'medium', components: ['fraud'] });
  });

  it('only warns when the single replica is reached through optional calls', () => {
    const design = {
      components: [client('clients', 100), station('api', { timeoutMs: 2000 }), station('recs', { replicas: 1 })],
      connections: [connect('clients', 'api'), connect('api', 'recs', { optional: true })],
    };
    expect(flagged(design, 'single-point-of-failure')[0]).toMatchObject({ outcome: 'warn', severity: 'low' });
  });
});

describe('capacity', () => {
  it('fails a station offered ρ ≥ 1 (critical) and sizes it to ρ ≈ 0.7', () => {
    // 1000 req/s × 10 ms / (2 × 4) = 1.25
    const [f] = flagged(healthy({ rate: 1000 }), 'capacity').filter((x) => x.components[0] === 'api');
    expect(f).toMatchObject({ outcome: 'fail', severity: 'critical', domain: 'compute' });
    expect(f.evidence[0]).toMatchObject({ figures: { rhoBase: 1.25 } });
    expect(f.fix?.changes[0].properties).toEqual({ replicas: 4 }); // 10 / (4 × 0.7) = 3.57 → 4
  });

  it('warns (medium) at ρ ≥ 0.8 and passes below', () => {
    expect(flagged(healthy({ rate: 680 }), 'capacity')[0]).toMatchObject({ outcome: 'warn', severity: 'medium' }); // ρ = 0.85
    expect(only(healthy({ rate: 600 }), 'capacity').outcome).toBe('pass'); // ρ = 0.75
  });

  it('checks the peak of the arrival profile, not only the base rate', () => {
    const design = healthy({ rate: 100 });
    const clients = design.components[0];
    const spiky = { ...design, components: [{ ...clients, properties: { arrival: { process: 'poisson' as const, ratePerSec: 100, profile: { shape: 'spike' as const, ratePerSec: 1000, startSec: 60, durationSec: 10 } } } }, ...design.components.slice(1)] };
    const [f] = flagged(spiky, 'capacity');
    expect(f.outcome).toBe('fail');
    expect(f.reason).toMatch(/at the peak/);
    expect(f.evidence[0]).toMatchObject({ figures: { rhoBase: 0.125, rhoPeak: 1.25 } });
  });

  it('counts the downstream round trip for a blocking station', () => {
    // api holds a worker 10 ms + db 10 ms: 300 req/s × 20 ms / 8 = 0.75 → pass without blocking, 0.75 with blocking at 300? use 400: 0.5 vs 1.0
    expect(flagged(healthy({ rate: 400 }), 'capacity')).toHaveLength(0);
    expect(flagged(healthy({ rate: 400, api: { blockingCalls: true, queueCapacity: 10 } }), 'capacity')[0]).toMatchObject({ components: ['api'], outcome: 'fail' });
  });
});

describe('autoscaling-ceiling', () => {
  const scaled = (maxReplicas: number) => healthy({ rate: 1000, api: { replicas: 1, autoscaling: { minReplicas: 2, maxReplicas, targetUtilization: 0.6, scaleOutDelaySec: 30, cooldownSec: 60, evaluationIntervalSec: 15 } } });

  it('fails when maxReplicas cannot carry the peak and proposes the ceiling for the target utilisation', () => {
    const [f] = flagged(scaled(2), 'autoscaling-ceiling');
    expect(f).toMatchObject({ outcome: 'fail', severity: 'high' });
    // 1000 × 0.01 / (4 × 0.6) = 4.17 → 5
    expect(f.fix?.changes[0].properties).toMatchObject({ autoscaling: { maxReplicas: 5 } });
  });

  it('passes when the ceiling carries the peak at the target', () => {
    expect(only(scaled(5), 'autoscaling-ceiling').outcome).toBe('pass');
  });
});

describe('the review', () => {
  it('orders failures first and reports the worst outcome', () => {
    const review = reviewDesign(healthy({ rate: 1000, db: { replicas: 1 } }));
    expect(review.outcome).toBe('fail');
    expect(review.findings[0].outcome).toBe('fail');
    expect(review.counts.fail).toBeGreaterThanOrEqual(2);
    expect(review.findings.filter((f) => f.outcome === 'fail').every((f) => f.remediation)).toBe(true);
  });

  it('passes a healthy design', () => {
    expect(reviewDesign(healthy()).outcome).toBe('pass');
  });
});
