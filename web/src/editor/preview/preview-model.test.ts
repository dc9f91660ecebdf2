import { describe, expect, it } from '@jest/globals';
import { resolveDesign, validateDesign, type Component, type Design, type DesignInput } from '@architech/contracts';
import { simulate, type ComponentSummary, type Summary } from '@architech/sim-engine';
import {
  isOverloaded,
  offeredLoad,
  planPreview,
  previewBadges,
  previewSummaryText,
  readyPreview,
  type PreviewState,
} from './preview-model';
import { peakRatePerSec, PREVIEW_MAX_EVENTS, PREVIEW_MIN_DURATION_SEC, previewConfig, previewWindow } from './preview-window';

/** client → api (one replica, `workers` workers, exponential service of `serviceMs`). */
function chain(ratePerSec: number, serviceMs: number, api: Record<string, unknown> = {}): DesignInput {
  return {
    name: 'chain',
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec } } },
      { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: serviceMs }, ...api } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }],
  };
}

/** The plan for `input`, validated as the editor's design analysis does. */
const planOf = (input: DesignInput) => planPreview(validateDesign(input));

function validated(input: DesignInput): Design {
  const outcome = validateDesign(input);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return outcome.value;
}

function stats(overrides: Partial<ComponentSummary>): ComponentSummary {
  const latency = { mean: 10, p50: 8, p95: 30, p99: 50, max: 90 };
  return { type: 'SERVICE', arrivals: 1000, completions: 1000, errors: 0, drops: 0, timeouts: 0, rejected: 0, throughput: 66, utilization: 0.5, meanQueueLength: 0, throttled: 0, coldStarts: 0, instanceSeconds: 0, billedSeconds: 0, peakInstances: 0, latency, ...overrides };
}

const api = (input: DesignInput): Component => validated(input).components.find((c) => c.id === 'api')!;

describe('planning a preview', () => {
  it('pauses on a design the API would reject, counting its problems', () => {
    const plan = planOf(chain(50, -1));
    expect(plan).toEqual({ kind: 'skip', state: { status: 'invalid', badges: new Map(), message: 'Preview paused: fix 1 problem' } });
  });

  it('stays idle without a client to send traffic', () => {
    const plan = planOf({ components: [{ id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'constant', value: 1 } } }] });
    expect(plan.kind === 'skip' && plan.state.status).toBe('idle');
  });

  it('runs 20 simulated seconds after 5 s of warm-up, one replication, fixed seed, no faults, traces or logs, within an events budget', () => {
    const plan = planOf(chain(100, 5));
    if (plan.kind !== 'run') throw new Error('expected a run');
    expect(plan.window).toMatchObject({ durationSec: 20, warmupSec: 5 });
    expect(plan.config).toMatchObject({ durationSec: 20, warmupSec: 5, seed: 1, replications: 1, faults: [], maxEvents: PREVIEW_MAX_EVENTS });
    expect(plan.config.tracing).toEqual({ sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 });
  });

  it('skips, saying why, a design with more traffic than even the shortest window can take', () => {
    const plan = planOf(chain(10_000_000, 0.001));
    expect(plan.kind === 'skip' && plan.state.status).toBe('idle');
    expect(plan.kind === 'skip' && plan.state.message).toMatch(/^Preview skipped: too much traffic for an instant preview \(about [\d.]+ M events in 4 s\); run a full simulation$/);
  });

  it('hands the engine the validated design, defaults filled in', () => {
    const plan = planOf(chain(100, 5));
    expect(plan.kind === 'run' && plan.design.components[1]!.properties).toMatchObject({ replicas: 1, workers: 1, errorRate: 0 });
  });

  it('is deterministic: the same design plans the same run', () => {
    expect(planOf(chain(100, 5))).toEqual(planOf(chain(100, 5)));
  });
});

describe('the preview window', () => {
  it('shortens for heavy traffic so the run stays within its events budget, down to a floor', () => {
    const busy = previewWindow(validated(chain(20_000, 0.01)));
    expect(busy.durationSec).toBeLessThan(20);
    expect(busy.durationSec).toBeGreaterThanOrEqual(PREVIEW_MIN_DURATION_SEC);
    expect(busy.warmupSec).toBe(busy.durationSec / 4);
    expect(previewWindow(validated(chain(10_000_000, 0.001))).durationSec).toBe(PREVIEW_MIN_DURATION_SEC);
  });

  it('sizes on the traffic inside the window: a spike after it does not shorten it', () => {
    const later = { process: 'poisson' as const, ratePerSec: 100, profile: { shape: 'spike' as const, ratePerSec: 1e6, startSec: 60, durationSec: 10 } };
    expect(peakRatePerSec(later, 20)).toBe(100);
    expect(peakRatePerSec({ ...later, profile: { ...later.profile, startSec: 10 } }, 20)).toBe(1e6);
  });

  it('takes a ramp and a piecewise-linear profile at their highest point before the horizon', () => {
    expect(peakRatePerSec({ process: 'poisson', ratePerSec: 100, profile: { shape: 'ramp', toRatePerSec: 300, startSec: 0, endSec: 40 } }, 20)).toBe(200);
    expect(peakRatePerSec({ process: 'poisson', ratePerSec: 1, profile: { shape: 'points', points: [[0, 10], [40, 50]] } }, 20)).toBe(30);
  });

  it('produces a configuration the engine accepts and finishes within the budget', () => {
    const design = validated(chain(200, 2));
    const result = simulate(resolveDesign(design), previewConfig(previewWindow(design)));
    expect(result.events).toBeLessThan(PREVIEW_MAX_EVENTS);
    expect(result.traces).toEqual([]);
    expect(result.summary.components.api!.arrivals).toBeGreaterThan(0);
  });
});

describe('the overload rule', () => {
  it('flags a component whose workers are all busy (utilisation ≥ 0.999)', () => {
    expect(isOverloaded(api(chain(10, 5)), stats({ utilization: 0.999 }), 15)).toBe(true);
    expect(isOverloaded(api(chain(10, 5)), stats({ utilization: 0.99 }), 15)).toBe(false);
  });

  it('flags a component dropping more than 1% of its arrivals', () => {
    expect(isOverloaded(api(chain(10, 5)), stats({ arrivals: 1000, drops: 11, utilization: 0.9 }), 15)).toBe(true);
    expect(isOverloaded(api(chain(10, 5)), stats({ arrivals: 1000, drops: 10, utilization: 0.9 }), 15)).toBe(false);
  });

  it('flags an unstable queue from the offered load λ·E[S]/(replicas·workers) even when the window under-reports utilisation', () => {
    const station = api(chain(120, 10, { workers: 1 }));
    // 1800 arrivals in 15 s = 120/s × 10 ms = 1.2 busy workers of 1.
    expect(offeredLoad(station, 1800, 15)).toBeCloseTo(1.2);
    expect(isOverloaded(station, stats({ arrivals: 1800, utilization: 0.97 }), 15)).toBe(true);
  });

  it('counts every worker of every replica, and autoscaling up to its ceiling', () => {
    expect(offeredLoad(api(chain(120, 10, { replicas: 2, workers: 3 })), 1800, 15)).toBeCloseTo(0.2);
    const scaled = api(chain(120, 10, { replicas: 1, autoscaling: { minReplicas: 1, maxReplicas: 4, targetUtilization: 0.7 } }));
    expect(offeredLoad(scaled, 1800, 15)).toBeCloseTo(0.3);
  });

  it('counts a serverless station’s capacity as its maxConcurrency, not replicas × workers', () => {
    const fn = api(chain(120, 10, { serverless: { maxConcurrency: 10, coldStart: { dist: 'constant', value: 200 } } }));
    // 120/s × 10 ms = 1.2 calls in flight of at most 10.
    expect(offeredLoad(fn, 1800, 15)).toBeCloseTo(0.12);
    expect(isOverloaded(fn, stats({ arrivals: 1800, utilization: 0.12 }), 15)).toBe(false);
    const tight = api(chain(120, 10, { serverless: { maxConcurrency: 1, coldStart: { dist: 'constant', value: 200 } } }));
    expect(offeredLoad(tight, 1800, 15)).toBeCloseTo(1.2);
  });

  it('never flags a client or a load balancer, which do not queue', () => {
    const client = validated(chain(10, 5)).components[0]!;
    expect(offeredLoad(client, 1e6, 15)).toBeUndefined();
    expect(isOverloaded(client, stats({ type: 'CLIENT', utilization: 0 }), 15)).toBe(false);
  });

  it('agrees with the engine: an M/M/1 at ρ = 1.2 is overloaded, at ρ = 0.5 it is not', () => {
    for (const [rate, expected] of [[120, true], [50, false]] as const) {
      const design = validated(chain(rate, 10));
      const window = previewWindow(design);
      const result = simulate(resolveDesign(design), previewConfig(window));
      const badge = previewBadges(design, result.summary, window.durationSec - window.warmupSec).get('api')!;
      expect([rate, badge.overloaded]).toEqual([rate, expected]);
    }
  });
});

describe('the preview’s figures', () => {
  const design = validated(chain(100, 5));
  const summary: Summary = {
    endToEnd: { requests: 1500, completions: 1490, errors: 10, throughput: 99.33, errorRate: 10 / 1500, latency: { mean: 9, p50: 7, p95: 41.2, p99: 77.4, max: 120 } },
    components: { users: stats({ type: 'CLIENT', utilization: 0 }), api: stats({ completions: 0, utilization: 1 }) },
  };

  it('has a badge per component, without a p95 where nothing completed', () => {
    const badges = previewBadges(design, summary, 15);
    expect(badges.get('api')).toEqual({ utilization: 1, latencyP95Ms: undefined, overloaded: true });
    expect(badges.get('users')).toEqual({ utilization: 0, latencyP95Ms: 30, overloaded: false });
  });

  it('reads as one line with throughput, tail latency, errors and the overloaded count', () => {
    const state = readyPreview(design, { durationSec: 20, warmupSec: 5 }, summary, 180);
    expect(state.endToEnd).toEqual({ throughput: 99.33, errorRate: 10 / 1500, p95Ms: 41.2, p99Ms: 77.4 });
    expect(previewSummaryText(state)).toBe('Preview (20 s simulated): 99.3 req/s · p95 41.2 ms · p99 77.4 ms · errors 0.7% — 1 overloaded');
  });

  it('says so when no request succeeded instead of printing zero latencies', () => {
    const failing = readyPreview(design, { durationSec: 20, warmupSec: 5 }, { ...summary, endToEnd: { ...summary.endToEnd, throughput: 0, errorRate: 1 } }, 90);
    expect(previewSummaryText(failing)).toBe('Preview (20 s simulated): no request succeeded · errors 100.0% — 1 overloaded');
  });

  it('says why it is paused, and that it is running', () => {
    const paused: PreviewState = { status: 'invalid', badges: new Map(), message: 'Preview paused: fix 2 problems' };
    expect(previewSummaryText(paused)).toBe('Preview paused: fix 2 problems');
    expect(previewSummaryText({ ...paused, status: 'running' })).toBe('Running preview…');
  });
});
