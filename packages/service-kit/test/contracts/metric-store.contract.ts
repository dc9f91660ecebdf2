import { randomUUID } from 'node:crypto';
import type { MetricPoint, MetricSeries, MetricStore } from '../../src/ports/metric-store.port';

/** A store under test and how to tear down what it was created on. */
export interface MetricStoreFixture {
  store: MetricStore;
  dispose(): Promise<void>;
}

const point = (simulationId: string, componentId: string, timeSec: number, value: number, more: Partial<MetricPoint> = {}): MetricPoint => ({
  simulationId,
  componentId,
  componentType: 'SERVICE',
  metric: 'throughput',
  timeSec,
  value,
  ...more,
});

/** `value = timeSec` at every whole second of [fromSec, toSec]: bucket means are then exact. */
const linear = (simulationId: string, componentId: string, fromSec: number, toSec: number): MetricPoint[] =>
  Array.from({ length: toSec - fromSec + 1 }, (_, i) => point(simulationId, componentId, fromSec + i, fromSec + i));

const pointsOf = (series: MetricSeries[], componentId: string) => series.find((s) => s.componentId === componentId)?.points;

/**
 * The behaviour every {@link MetricStore} adapter must share (the port's TSDoc, docs/architecture.md
 * §3), run once per adapter. `make` runs before the suite and `dispose` after it; every spec
 * writes under its own simulation id, so specs never see each other's points.
 *
 * @example
 * ```ts
 * describeMetricStoreContract('PostgresMetricStore', async () => ({ store, dispose: () => db.drop() }));
 * ```
 */
export function describeMetricStoreContract(name: string, make: () => Promise<MetricStoreFixture>, options: { skip?: boolean } = {}): void {
  (options.skip ? describe.skip : describe)(`the ${name} metric store (contract)`, () => {
    let fixture: MetricStoreFixture;
    let store: MetricStore;

    beforeAll(async () => {
      fixture = await make();
      store = fixture.store;
    });

    afterAll(async () => {
      await fixture?.store.close();
      await fixture?.dispose();
    });

    it('returns written points as one series per component, components by id and points by time', async () => {
      const sim = randomUUID();
      await store.write([
        point(sim, 'web', 2, 20),
        point(sim, 'db', 0, 1, { componentType: 'DATABASE' }),
        point(sim, 'web', 0, 0),
        point(sim, 'web', 1.5, 15),
        point(sim, 'db', 1, 2, { componentType: 'DATABASE' }),
      ]);
      expect(await store.query({ simulationId: sim, metric: 'throughput' })).toEqual([
        { componentId: 'db', componentType: 'DATABASE', metric: 'throughput', points: [{ timeSec: 0, value: 1 }, { timeSec: 1, value: 2 }] },
        { componentId: 'web', componentType: 'SERVICE', metric: 'throughput', points: [{ timeSec: 0, value: 0 }, { timeSec: 1.5, value: 15 }, { timeSec: 2, value: 20 }] },
      ]);
    });

    it('stores a batch written twice once, and a rewritten point replaces the old value beside new ones', async () => {
      const sim = randomUUID();
      const batch = [point(sim, 'web', 0, 1), point(sim, 'web', 1, 2), point(sim, 'lb', 0, 3)];
      await store.write(batch);
      await store.write(batch);
      await store.write([point(sim, 'web', 1, 42), point(sim, 'web', 2, 5)]);
      const series = await store.query({ simulationId: sim, metric: 'throughput' });
      expect(pointsOf(series, 'lb')).toEqual([{ timeSec: 0, value: 3 }]);
      expect(pointsOf(series, 'web')).toEqual([{ timeSec: 0, value: 1 }, { timeSec: 1, value: 42 }, { timeSec: 2, value: 5 }]);
    });

    it('reads a series written in windows, then rewritten whole over part of it, as the rewrite where it reaches', async () => {
      // A run's live windows, then final series (a mean over replications) for its measured part.
      const sim = randomUUID();
      for (let start = 0; start < 10; start += 3) await store.write(linear(sim, 'web', start, Math.min(start + 2, 9)));
      await store.write(Array.from({ length: 6 }, (_, i) => point(sim, 'web', i + 2, 100 + i)));
      expect(pointsOf(await store.query({ simulationId: sim, metric: 'throughput' }), 'web')).toEqual([
        { timeSec: 0, value: 0 },
        { timeSec: 1, value: 1 },
        ...Array.from({ length: 6 }, (_, i) => ({ timeSec: i + 2, value: 100 + i })),
        { timeSec: 8, value: 8 },
        { timeSec: 9, value: 9 },
      ]);
      expect(pointsOf(await store.query({ simulationId: sim, metric: 'throughput', fromSec: 7, toSec: 8 }), 'web')).toEqual([{ timeSec: 7, value: 105 }, { timeSec: 8, value: 8 }]);
    });

    it('keeps the last of several points with the same identity in one batch', async () => {
      const sim = randomUUID();
      await store.write([point(sim, 'web', 0, 1), point(sim, 'web', 0, 2), point(sim, 'web', 0, 3)]);
      expect(pointsOf(await store.query({ simulationId: sim, metric: 'throughput' }), 'web')).toEqual([{ timeSec: 0, value: 3 }]);
    });

    it('writes a batch larger than one request or statement, and a redelivery of it adds nothing', async () => {
      const sim = randomUUID();
      const batch = Array.from({ length: 3 }, (_, c) => linear(sim, `svc-${c}`, 0, 3999)).flat();
      await store.write(batch);
      await store.write(batch);
      const series = await store.query({ simulationId: sim, metric: 'throughput' });
      expect(series.map((s) => [s.componentId, s.points.length])).toEqual([['svc-0', 4000], ['svc-1', 4000], ['svc-2', 4000]]);
      expect(series[2].points[3999]).toEqual({ timeSec: 3999, value: 3999 });
    });

    it('filters by component and by an inclusive time range', async () => {
      const sim = randomUUID();
      await store.write([...linear(sim, 'web', 0, 9), ...linear(sim, 'db', 0, 9)]);
      const web = await store.query({ simulationId: sim, metric: 'throughput', componentId: 'web', fromSec: 3, toSec: 5 });
      expect(web).toEqual([{ componentId: 'web', componentType: 'SERVICE', metric: 'throughput', points: [3, 4, 5].map((t) => ({ timeSec: t, value: t })) }]);
      const late = await store.query({ simulationId: sim, metric: 'throughput', fromSec: 8 });
      expect(late.map((s) => [s.componentId, s.points.map((p) => p.timeSec)])).toEqual([['db', [8, 9]], ['web', [8, 9]]]);
      const early = await store.query({ simulationId: sim, metric: 'throughput', componentId: 'db', toSec: 1 });
      expect(pointsOf(early, 'db')).toEqual([{ timeSec: 0, value: 0 }, { timeSec: 1, value: 1 }]);
      expect(await store.query({ simulationId: sim, metric: 'throughput', componentId: 'nobody' })).toEqual([]);
    });

    it('returns exactly the series of several listed components, by id as usual, leaving out ids without points', async () => {
      const sim = randomUUID();
      await store.write([...linear(sim, 'web', 0, 9), ...linear(sim, 'db', 0, 9), ...linear(sim, 'cache', 0, 9), ...linear(sim, '_end_to_end', 0, 9)]);
      const series = await store.query({ simulationId: sim, metric: 'throughput', componentIds: ['web', 'nobody', '_end_to_end', 'db'], fromSec: 2, toSec: 3 });
      expect(series).toEqual(['_end_to_end', 'db', 'web'].map((componentId) => ({ componentId, componentType: 'SERVICE', metric: 'throughput', points: [2, 3].map((t) => ({ timeSec: t, value: t })) })));
      expect(await store.query({ simulationId: sim, metric: 'throughput', componentIds: ['nobody', 'else'] })).toEqual([]);
      expect(await store.query({ simulationId: sim, metric: 'throughput', componentIds: [] })).toEqual([]);
    });

    it('downsamples several listed components on one bucket grid, set by the listed series only', async () => {
      const sim = randomUUID();
      await store.write([...linear(sim, 'web', 0, 99), ...linear(sim, 'db', 0, 100), ...linear(sim, 'early', 0, 3), ...linear(sim, 'other', 0, 1000)]);
      const series = await store.query({ simulationId: sim, metric: 'throughput', componentIds: ['web', 'db', 'early'], maxPoints: 10 });
      // As with every component: the widest listed range (0…100 s) into 10 buckets of 11 s, `other` ignored.
      expect(series.map((s) => s.componentId)).toEqual(['db', 'early', 'web']);
      expect(pointsOf(series, 'db')).toEqual([...Array.from({ length: 9 }, (_, k) => ({ timeSec: 11 * k, value: 11 * k + 5 })), { timeSec: 99, value: 99.5 }]);
      expect(pointsOf(series, 'web')).toEqual([...Array.from({ length: 9 }, (_, k) => ({ timeSec: 11 * k, value: 11 * k + 5 })), { timeSec: 99, value: 99 }]);
      expect(pointsOf(series, 'early')).toEqual([{ timeSec: 0, value: 1.5 }]);
    });

    it('refuses a query giving both componentId and componentIds', async () => {
      await expect(store.query({ simulationId: randomUUID(), metric: 'throughput', componentId: 'web', componentIds: ['db'] })).rejects.toMatchObject({ code: 'invalid_query' });
    });

    it('downsamples to at most maxPoints equal time buckets holding the mean of their points', async () => {
      const sim = randomUUID();
      await store.write([...linear(sim, 'web', 0, 99), ...linear(sim, 'db', 0, 100)]);
      const series = await store.query({ simulationId: sim, metric: 'throughput', maxPoints: 10 });
      // The widest range (0…100 s) into 10 buckets needs 11-second buckets, shared by both series.
      expect(pointsOf(series, 'db')).toEqual([...Array.from({ length: 9 }, (_, k) => ({ timeSec: 11 * k, value: 11 * k + 5 })), { timeSec: 99, value: 99.5 }]);
      expect(pointsOf(series, 'web')).toEqual([...Array.from({ length: 9 }, (_, k) => ({ timeSec: 11 * k, value: 11 * k + 5 })), { timeSec: 99, value: 99 }]);
      for (const s of series) expect(s.points.length).toBeLessThanOrEqual(10);
    });

    it('downsamples within a time range, with buckets starting at its first point', async () => {
      const sim = randomUUID();
      await store.write(linear(sim, 'web', 0, 99));
      const series = await store.query({ simulationId: sim, metric: 'throughput', componentId: 'web', fromSec: 5, toSec: 54, maxPoints: 5 });
      expect(pointsOf(series, 'web')).toEqual([5, 15, 25, 35, 45].map((t) => ({ timeSec: t, value: t + 4.5 })));
    });

    it('returns raw points when no series has more than maxPoints', async () => {
      const sim = randomUUID();
      await store.write(linear(sim, 'web', 0, 9));
      const series = await store.query({ simulationId: sim, metric: 'throughput', maxPoints: 10 });
      expect(pointsOf(series, 'web')).toEqual(linear(sim, 'web', 0, 9).map(({ timeSec, value }) => ({ timeSec, value })));
      expect(await store.query({ simulationId: randomUUID(), metric: 'throughput', maxPoints: 10 })).toEqual([]);
    });

    it('keeps metrics and simulations apart', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await store.write([point(a, 'web', 0, 1), point(a, 'web', 0, 250, { metric: 'latencyP99' }), point(b, 'web', 0, 2)]);
      expect(pointsOf(await store.query({ simulationId: a, metric: 'throughput' }), 'web')).toEqual([{ timeSec: 0, value: 1 }]);
      expect(await store.query({ simulationId: a, metric: 'latencyP99' })).toEqual([
        { componentId: 'web', componentType: 'SERVICE', metric: 'latencyP99', points: [{ timeSec: 0, value: 250 }] },
      ]);
      expect(pointsOf(await store.query({ simulationId: b, metric: 'throughput' }), 'web')).toEqual([{ timeSec: 0, value: 2 }]);
      expect(await store.query({ simulationId: b, metric: 'latencyP99' })).toEqual([]);
    });

    it('deletes one simulation’s points and no other’s', async () => {
      const [gone, kept] = [randomUUID(), randomUUID()];
      await store.write([point(gone, 'web', 0, 1), point(gone, 'web', 0, 9, { metric: 'latencyP99' }), point(kept, 'web', 0, 2)]);
      await store.deleteSimulation(gone);
      expect(await store.query({ simulationId: gone, metric: 'throughput' })).toEqual([]);
      expect(await store.query({ simulationId: gone, metric: 'latencyP99' })).toEqual([]);
      expect(pointsOf(await store.query({ simulationId: kept, metric: 'throughput' }), 'web')).toEqual([{ timeSec: 0, value: 2 }]);
    });

    it('deletes several simulations’ points, however many, and keeps the others’', async () => {
      const [first, second, kept] = [randomUUID(), randomUUID(), randomUUID()];
      // More points than one delete statement takes (the Postgres fixtures use small batches).
      await store.write([...linear(first, 'web', 0, 99), ...linear(first, 'db', 0, 99), ...linear(second, 'web', 0, 40), ...linear(kept, 'web', 0, 3)]);
      await store.write([point(second, 'web', 0, 7, { metric: 'latencyP99' })]);
      await store.deleteSimulations([first, second, randomUUID()]);
      expect(await store.query({ simulationId: first, metric: 'throughput' })).toEqual([]);
      expect(await store.query({ simulationId: second, metric: 'throughput' })).toEqual([]);
      expect(await store.query({ simulationId: second, metric: 'latencyP99' })).toEqual([]);
      expect(pointsOf(await store.query({ simulationId: kept, metric: 'throughput' }), 'web')).toHaveLength(4);
      await store.deleteSimulations([]);
      expect(pointsOf(await store.query({ simulationId: kept, metric: 'throughput' }), 'web')).toHaveLength(4);
    });

    it('round-trips component ids and types with spaces, commas, equals signs, quotes and backslashes', async () => {
      const sim = randomUUID();
      const ids = ['api gateway', 'a,b', 'k=v', '"quoted"', "it's", 'C:\\data', 'all of , = " \' \\them'];
      await store.write(ids.map((id, i) => point(sim, id, 0, i, { componentType: `type ${id}` })));
      const series = await store.query({ simulationId: sim, metric: 'throughput' });
      expect(series.map((s) => s.componentId)).toEqual([...ids].sort());
      const listed = await store.query({ simulationId: sim, metric: 'throughput', componentIds: [ids[1], ids[4], ids[6]] });
      expect(listed.map((s) => s.componentId)).toEqual([ids[1], ids[4], ids[6]].sort());
      for (const [i, id] of ids.entries()) {
        expect(await store.query({ simulationId: sim, metric: 'throughput', componentId: id })).toEqual([
          { componentId: id, componentType: `type ${id}`, metric: 'throughput', points: [{ timeSec: 0, value: i }] },
        ]);
      }
    });

    it('stores values exactly, however large, small or negative', async () => {
      const sim = randomUUID();
      const values = [1e21, 1.5e-7, -3, 0.1 + 0.2, Number.MAX_VALUE, -0.000123, 123456789.12345679];
      await store.write(values.map((value, t) => point(sim, 'web', t, value)));
      expect(pointsOf(await store.query({ simulationId: sim, metric: 'throughput' }), 'web')).toEqual(values.map((value, t) => ({ timeSec: t, value })));
    });

    it('skips points whose value is not finite (a gap, not a zero)', async () => {
      const sim = randomUUID();
      await store.write([point(sim, 'web', 0, 1), point(sim, 'web', 1, Number.NaN), point(sim, 'web', 2, Number.POSITIVE_INFINITY), point(sim, 'web', 3, 4)]);
      expect(pointsOf(await store.query({ simulationId: sim, metric: 'throughput' }), 'web')).toEqual([{ timeSec: 0, value: 1 }, { timeSec: 3, value: 4 }]);
    });

    it('refuses a batch with a point without a component id, storing none of it', async () => {
      const sim = randomUUID();
      await expect(store.write([point(sim, 'web', 0, 1), point(sim, '', 1, 2)])).rejects.toMatchObject({ code: 'invalid_point' });
      expect(await store.query({ simulationId: sim, metric: 'throughput' })).toEqual([]);
    });

    it('refuses maxPoints below 1', async () => {
      await expect(store.query({ simulationId: randomUUID(), metric: 'throughput', maxPoints: 0 })).rejects.toMatchObject({ code: 'invalid_query' });
    });

    it('accepts an empty batch', async () => {
      await expect(store.write([])).resolves.toBeUndefined();
    });
  });
}
