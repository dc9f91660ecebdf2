import { evaluateRequirement, measure, observationOf, recoverySec, resolveWindow } from '../src';
import { syntheticObservation, series } from './checks-fixtures';
import type { DesignInput } from '@architech/contracts';
import { client, connect, runConfig, service, simulate } from './fixtures';

/** 100 requests a second; all fail during a fault at 40–50 s; p99 50 ms until 57 s, 10 ms otherwise. */
function crashSeries(recoveredAt: number, buckets = 100) {
  const down = (i: number) => i >= 40 && i < 50;
  return series(buckets, {
    completions: (i) => (down(i) ? 0 : 100),
    errors: (i) => (down(i) ? 100 : i === 5 ? 1 : 0),
    latencyP99: (i) => (down(i) ? 0 : i >= 50 && i < recoveredAt ? 50 : 10),
    latencyMean: (i) => (down(i) ? 0 : 5),
    utilization: (i) => (down(i) ? 0 : 0.5),
  });
}
const faults = [{ startSec: 40, endSec: 50 }];

describe('windows', () => {
  const obs = syntheticObservation({ endToEnd: crashSeries(57), faults, warmupSec: 10 });
  const m = (criterion: Parameters<typeof measure>[0]) => measure(criterion, obs).value;

  it('resolves steady, fault, after-fault and explicit spans from the run', () => {
    expect(resolveWindow('steady', obs)).toEqual({ fromSec: 10, toSec: 100 });
    expect(resolveWindow('fault', obs)).toEqual({ fromSec: 40, toSec: 50 });
    expect(resolveWindow('after-fault', obs)).toEqual({ fromSec: 50, toSec: 100 });
    expect(resolveWindow({ fromSec: 60, toSec: 200 }, obs)).toEqual({ fromSec: 60, toSec: 100 });
    expect(resolveWindow('fault', syntheticObservation())).toBeUndefined();
  });

  it('measures the steady window from the summary and the others from the time series', () => {
    expect(m({ metric: 'latencyP99Ms', op: '<', value: 1 })).toBe(10); // the summary's
    expect(m({ metric: 'errorRate', op: '<', value: 1, window: 'fault' })).toBe(1);
    expect(m({ metric: 'errorRate', op: '<', value: 1, window: 'after-fault' })).toBe(0);
    expect(m({ metric: 'latencyP99Ms', op: '<', value: 1, window: 'after-fault' })).toBe(50); // worst bucket
    expect(m({ metric: 'latencyP99Ms', op: '<', value: 1, window: { fromSec: 60, toSec: 70 } })).toBe(10);
    expect(m({ metric: 'throughputPerSec', op: '<', value: 1, window: 'after-fault' })).toBe(100);
    expect(m({ metric: 'errorRate', op: '<', value: 1, window: { fromSec: 0, toSec: 10 } })).toBeCloseTo(1 / 1001, 12);
  });
});

describe('recoverySec', () => {
  it('is the time from the last fault end until the error rate and p99 are back in the pre-fault band for good', () => {
    expect(recoverySec(syntheticObservation({ endToEnd: crashSeries(57), faults })).seconds).toBe(7);
    expect(recoverySec(syntheticObservation({ endToEnd: crashSeries(50), faults })).seconds).toBe(0);
  });

  it('tolerates 10% on the p99 but not a relapse before the end', () => {
    const s = crashSeries(50);
    s.latencyP99[60] = 10.9; // within the band
    expect(recoverySec(syntheticObservation({ endToEnd: s, faults })).seconds).toBe(0);
    s.latencyP99[80] = 12; // out of band once: recovery only after it
    expect(recoverySec(syntheticObservation({ endToEnd: s, faults })).seconds).toBe(31);
  });

  it('is infinite when the run ends out of band, and unmeasurable without a baseline', () => {
    expect(recoverySec(syntheticObservation({ endToEnd: crashSeries(1000), faults })).seconds).toBe(Infinity);
    expect(recoverySec(syntheticObservation({ endToEnd: crashSeries(57), faults, warmupSec: 45 })).note).toMatch(/pre-fault band/);
    expect(Number.isNaN(recoverySec(syntheticObservation({ endToEnd: crashSeries(57), faults: [{ startSec: 40, endSec: 100 }] })).seconds)).toBe(true);
  });

  it('on a simulated database crash: errors during the crash, back within a bucket after it (the crash drops the queue)', () => {
    const design: DesignInput = {
      components: [client('users', 50, 'constant'), service('api', { workers: 8, serviceTime: { dist: 'constant', value: 5 } }), { id: 'db', type: 'DATABASE', properties: { workers: 8, serviceTime: { dist: 'constant', value: 3 } } }],
      connections: [connect('users', 'api'), connect('api', 'db')],
    };
    const crash = { type: 'crash' as const, target: 'db', startSec: 30, durationSec: 20 };
    const observations = [1, 2, 3].map((seed) => observationOf(simulate(design, runConfig({ durationSec: 90, seed, faults: [crash] }))));
    const outcome = evaluateRequirement(
      [
        { metric: 'recoverySec', op: '<=', value: 1 },
        { metric: 'errorRate', op: '>', value: 0.99, window: 'fault' },
        { metric: 'errorRate', op: '<', value: 0.01, window: 'after-fault' },
        { metric: 'errorRate', op: '<', value: 0.01 },
      ],
      observations,
    );
    expect(outcome.criteria.map((c) => c.values)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
      expect.arrayContaining([expect.any(Number)]),
    ]);
    expect(outcome.criteria.map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(outcome.verdict).toBe('failed');
  });
});
