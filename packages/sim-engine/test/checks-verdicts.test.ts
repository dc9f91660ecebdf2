import { combineVerdicts, coverage, ENGINE_VERSION, evaluateRequirement, intervalVerdict, replicationsToSettle, requirementHistory, type VerdictPoint } from '../src';
import { syntheticObservation } from './checks-fixtures';

describe('a criterion verdict from replications', () => {
  // mean 100, sd √62.5 ≈ 7.906 over 5 values: half-width = t(0.975,4)·sd/√5 ≈ 9.82
  const values = [90, 95, 100, 105, 110];
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - 100) ** 2, 0) / 4);
  const half = (2.776445105 * sd) / Math.sqrt(5);

  it('passes when the whole 95% interval is on the right side of the threshold', () => {
    const v = intervalVerdict(values, '<', 100 + half + 0.01, 30);
    expect(v.verdict).toBe('pass');
    expect(v.mean).toBeCloseTo(100, 9);
    expect(v.halfWidth).toBeCloseTo(half, 6);
  });

  it('fails when the whole interval is on the wrong side', () => {
    expect(intervalVerdict(values, '<', 100 - half - 0.01, 30).verdict).toBe('fail');
    expect(intervalVerdict(values, '>', 100 + half + 0.01, 30).verdict).toBe('fail');
    expect(intervalVerdict(values, '>=', 100 - half - 0.01, 30).verdict).toBe('pass');
    expect(intervalVerdict(values, '>=', 100 - half + 0.01, 30).verdict).toBe('inconclusive');
  });

  it('is inconclusive when the interval straddles the threshold, and says how many replications would settle it', () => {
    const v = intervalVerdict(values, '<', 105, 30);
    expect(v.verdict).toBe('inconclusive');
    // distance 5 < 9.82; with the same sd: n = 12 gives t(11)·sd/√12 ≈ 5.02, n = 13 gives t(12)·sd/√13 ≈ 4.78 < 5
    expect(v.replicationsNeeded).toBe(replicationsToSettle(100, half, 5, 105, 30));
    expect(v.replicationsNeeded).toBe(13);
    expect(intervalVerdict(values, '<', 105, 12).replicationsNeeded).toBeNull();
    expect(intervalVerdict(values, '<', 100, 30).replicationsNeeded).toBeNull();
  });

  it('decides by the value alone with one replication, and fails without a value', () => {
    expect(intervalVerdict([5], '<', 10, 30)).toEqual({ mean: 5, halfWidth: null, verdict: 'pass' });
    expect(intervalVerdict([5, NaN], '<', 10, 30).verdict).toBe('fail');
    expect(intervalVerdict([Infinity, Infinity], '<=', 30, 30).verdict).toBe('fail');
    expect(intervalVerdict([3, Infinity], '<=', 30, 30).verdict).toBe('inconclusive');
  });

  it('passes a requirement only when all its criteria pass', () => {
    expect(combineVerdicts(['pass', 'pass'])).toBe('passed');
    expect(combineVerdicts(['pass', 'inconclusive'])).toBe('inconclusive');
    expect(combineVerdicts(['inconclusive', 'fail'])).toBe('failed');
  });

  it('flags a requirement flaky when its criteria hold on some seeds only', () => {
    const obs = [10, 20, 30].map((p99, i) => syntheticObservation({ seed: i + 1, steadyP99: p99 }));
    const flaky = evaluateRequirement([{ metric: 'latencyP99Ms', op: '<', value: 25 }], obs);
    expect(flaky.flaky).toBe(true);
    expect(flaky.criteria[0].perSeed).toEqual([true, true, false]);
    expect(flaky.seeds).toEqual([1, 2, 3]);
    expect(evaluateRequirement([{ metric: 'latencyP99Ms', op: '<', value: 100 }], obs).flaky).toBe(false);
  });
});

describe('history', () => {
  const point = (verdict: VerdictPoint['verdict'], i: number, flaky = false): VerdictPoint => ({ checkRunId: `c${i}`, designId: `d${i}`, at: `2026-01-0${i + 1}`, verdict, flaky });
  const seq = (...v: VerdictPoint['verdict'][]) => v.map((x, i) => point(x, i));

  it('flags two consecutive failures as regressed and clears it on a pass', () => {
    expect(requirementHistory('REQ-0001', seq('passed', 'failed')).regressed).toBe(false);
    expect(requirementHistory('REQ-0001', seq('passed', 'failed', 'failed'))).toMatchObject({ regressed: true, failureStreak: 2 });
    expect(requirementHistory('REQ-0001', seq('failed', 'failed', 'inconclusive', 'failed'))).toMatchObject({ regressed: true, failureStreak: 3 });
    expect(requirementHistory('REQ-0001', seq('failed', 'failed', 'passed'))).toMatchObject({ regressed: false, failureStreak: 0 });
  });

  it('computes the pass rate over the last N check runs', () => {
    const h = requirementHistory('REQ-0001', seq('failed', 'failed', 'passed', 'passed', 'inconclusive', 'passed'), 4);
    expect(h.passRate).toBe(3 / 4);
    expect(requirementHistory('REQ-0001', []).passRate).toBeNull();
  });

  it('lists the components no requirement exercises', () => {
    const c = coverage(['lb', 'api', 'db'], [{ id: 'REQ-0001', components: ['db'] }, { id: 'REQ-0002', components: ['db', 'api'] }]);
    expect(c.untested).toEqual(['lb']);
    expect(c.components.find((x) => x.componentId === 'db')?.requirementIds).toEqual(['REQ-0001', 'REQ-0002']);
  });
});

describe('the engine version recorded in evidence', () => {
  it('is the package version', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(ENGINE_VERSION).toBe((require('../package.json') as { version: string }).version);
  });
});
