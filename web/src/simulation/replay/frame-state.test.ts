import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MetricSeriesDto } from '@architech/contracts';
import { fromDesign, type EditorDocument } from '@architech/editor-core';
import type { FaultWindow } from './fault-windows';
import { FrameState, HEAT_DOWN, HEAT_NEUTRAL } from './frame-state';
import { HEAT_STEPS } from './heat-scale';
import { buildReplayScene } from './replay-scene';
import { buildReplaySeries, REPLAY_METRICS, type SeriesByMetric } from './replay-series';

const service = { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 10 }, circuitBreaker: { failureThreshold: 0.5, windowSize: 20, openMs: 5000 } };
let doc: EditorDocument;

beforeAll(() => {
  // Card texts are measured with a canvas when there is one; the scene falls back to an estimate without.
  (globalThis as { document?: unknown }).document ??= { createElement: () => ({ getContext: () => null }) };
  const imported = fromDesign({
    components: [
      { id: 'web', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } }, position: { x: 0, y: 0 } },
      { id: 'api', type: 'SERVICE', properties: service, position: { x: 300, y: 0 } },
    ],
    connections: [{ id: 'c1', source: 'web', target: 'api' }],
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  doc = imported.doc;
});

const points = (values: number[]) => values.map((value, timeSec) => ({ timeSec, value }));
const dto = (componentId: string, metric: string, values: number[]): MetricSeriesDto => ({ componentId, componentType: 'X', metric, points: points(values) });

function frame(faults: FaultWindow[] = []): FrameState {
  const byMetric = Object.fromEntries(REPLAY_METRICS.map((m) => [m, [] as MetricSeriesDto[]])) as Record<string, MetricSeriesDto[]>;
  byMetric.utilization = [dto('api', 'utilization', [0, 0.5, 1, 1])];
  byMetric.arrivals = [dto('web', 'arrivals', [10, 10, 10, 10]), dto('api', 'arrivals', [10, 20, 30, 40])];
  byMetric.completions = [dto('api', 'completions', [10, 10, 5, 0])];
  byMetric.errors = [dto('api', 'errors', [0, 0, 5, 10])];
  byMetric.breakerState = [dto('api', 'breakerState', [0, 0, 1, 2])];
  byMetric.replicas = [dto('api', 'replicas', [2, 2, 3, 3])];
  const series = buildReplaySeries({ bucketSec: 1, durationSec: 4, componentIds: ['web', 'api'], byMetric: byMetric as unknown as SeriesByMetric });
  const scene = buildReplayScene(doc, faults);
  return new FrameState(scene, series, Float32Array.from([10, 10, 10, 10]));
}

describe('a replay frame', () => {
  it('colours a service by its utilisation, interpolated between seconds, and leaves a client neutral', () => {
    const state = frame();
    state.update(0.5, 'utilization');
    expect(state.heat[0]).toBe(HEAT_NEUTRAL);
    expect(state.heat[1]).toBe(0);
    state.update(2.5, 'utilization');
    expect(state.heat[1]).toBe(HEAT_STEPS - 1);
    state.update(1, 'utilization');
    expect(state.magnitude[1]).toBeCloseTo(0.25);
  });

  it('colours by error rate when asked, clients included', () => {
    const state = frame();
    state.update(3.5, 'errorRate');
    expect(state.heat[1]).toBe(HEAT_STEPS - 1);
    expect(state.heat[0]).toBe(0);
    expect(state.labels[1]).toBe('100 % err · 40/s');
  });

  it('reports the bucket’s breaker state, replicas and flows', () => {
    const state = frame();
    state.update(3.2, 'utilization');
    expect(state.breaker[1]).toBe(2);
    expect(state.replicas[1]).toBe(3);
    expect(state.routeRate[0]).toBe(10);
    expect(state.labels[1]).toBe('100 % · 40/s');
  });

  it('shows a component down while a crash of it is in effect, and marks the fault', () => {
    const crash: FaultWindow = { type: 'crash', target: 'api', startSec: 1, endSec: 3, params: {}, label: 'crash', lane: 0 };
    const state = frame([crash]);
    state.update(0.5, 'utilization');
    expect(state.cardFault[1]).toBe(-1);
    state.update(2, 'utilization');
    expect(state.heat[1]).toBe(HEAT_DOWN);
    expect(state.cardFault[1]).toBe(0);
    expect(state.labels[1]).toMatch(/^DOWN/);
    state.update(3, 'utilization');
    expect(state.heat[1]).not.toBe(HEAT_DOWN);
  });

  it('keeps a component up when only some replicas crash, but still marks the fault', () => {
    const partial: FaultWindow = { type: 'crash', target: 'api', startSec: 0, endSec: 4, params: { replicas: 1 }, label: 'crash 1 replica', lane: 0 };
    const state = frame([partial]);
    state.update(2, 'utilization');
    expect(state.heat[1]).not.toBe(HEAT_DOWN);
    expect(state.cardFault[1]).toBe(0);
  });
});
