import { decodeLogBatch, decodeMetricBatch, parseTelemetryMark, TELEMETRY_HEADERS } from '@architech/contracts';
import { simulate } from '@architech/sim-engine';
import { designSchema, resolveDesign } from '@architech/contracts';
import { encodeFinalTelemetry, withoutLiveSeries } from '../src/services/final-telemetry';

/* A finished run's final publication, and the same without the series its live windows delivered. */

const design = resolveDesign(designSchema.parse({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
    { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 5 }, errorRate: 0.05 } },
  ],
  connections: [{ id: 'c', source: 'users', target: 'api' }],
}));
const run = (replications: number) => simulate(design, { durationSec: 120, warmupSec: 0, seed: 2, replications, maxReplications: 50, faults: [], tracing: { sampleRate: 0.1, maxTraces: 20, slowest: 2, maxLogs: 3000 } });

describe('the final telemetry', () => {
  it('is complete live only for one replication whose every bucket went out live', () => {
    const one = run(1);
    expect(encodeFinalTelemetry('s', one, one.timeseries.buckets).liveSeriesComplete).toBe(true);
    expect(encodeFinalTelemetry('s', one, one.timeseries.buckets - 1).liveSeriesComplete).toBeUndefined();
    const two = run(2);
    expect(encodeFinalTelemetry('s', two, two.timeseries.buckets).liveSeriesComplete).toBeUndefined();
  });

  it('without the live series keeps spans and logs, with one empty metric batch and a manifest that counts it', () => {
    const final = encodeFinalTelemetry('s', run(1), 0);
    expect(final.metrics.length).toBeGreaterThan(0);
    expect(final.logs.length).toBeGreaterThan(0);
    const slim = withoutLiveSeries('s', final);
    expect(slim.metrics).toHaveLength(1);
    expect(decodeMetricBatch(slim.metrics[0].value)).toMatchObject({ simulationId: 's', series: [] });
    expect(slim.spans.map((m) => m.value)).toEqual(final.spans.map((m) => m.value));
    expect(slim.logs.map((m) => decodeLogBatch(m.value))).toEqual(final.logs.map((m) => decodeLogBatch(m.value)));
    const marks = [...slim.metrics, ...slim.spans, ...slim.logs].map((m) => parseTelemetryMark(m.headers ?? {}));
    for (const mark of marks) expect(mark?.manifest).toEqual({ metrics: 1, spans: final.spans.length, logs: final.logs.length });
    expect(marks.map((m) => `${m?.kind}:${m?.index}`)).toEqual([
      'metrics:0',
      ...final.spans.map((_, i) => `spans:${i}`),
      ...final.logs.map((_, i) => `logs:${i}`),
    ]);
    expect(slim.metrics[0].headers?.[TELEMETRY_HEADERS.batch]).toBe('metrics:0');
  });
});
