import { randomUUID } from 'node:crypto';
import type { StoredTrace, TraceStore } from '../../src/ports/trace-store.port';
import { summarizeTrace } from '../../src/adapters/traces/trace-summary';
import { byKey, sampleLogs, sampleTraces, traceIdOf, traceOf } from './trace-store.fixtures';

/**
 * The behaviour every {@link TraceStore} adapter must have (docs/architecture.md §3: one contract suite
 * per port, run against every reachable adapter). `make` is called once per suite, after the
 * caller's own `beforeAll` (which prepares the backing store); the store is closed after the suite.
 * Each spec writes under its own simulation id, so specs never see each other's data.
 */
export function describeTraceStoreContract(name: string, make: () => Promise<TraceStore>): void {
  describe(`the ${name} trace store`, () => {
    let store: TraceStore;
    const newSimulation = () => `sim-${randomUUID()}`;
    const serialsOf = (traces: { traceId: string }[]) => traces.map((t) => parseInt(t.traceId.slice(4), 16));

    beforeAll(async () => {
      store = await make();
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('traces', () => {
      it('come back as summaries ordered by start, with span count, components and the total', async () => {
        const sim = newSimulation();
        const written = sampleTraces();
        await store.writeTraces(sim, written);
        const { total, traces } = await store.queryTraces({ simulationId: sim });
        expect(total).toBe(6);
        expect(serialsOf(traces)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(traces).toEqual(byKey(written, (t) => t.startMs).map(summarizeTrace));
        expect(traces[5]).toMatchObject({ status: 'ERROR', spanCount: 2, components: ['client', 'lb'], linkedTraceId: traceIdOf(1) });
        expect(traces[0]).not.toHaveProperty('spans');
      });

      it('filter by status, minimum duration (inclusive) and component, alone and together', async () => {
        const sim = newSimulation();
        await store.writeTraces(sim, sampleTraces());
        const serials = async (filter: object) => {
          const { total, traces } = await store.queryTraces({ simulationId: sim, ...filter });
          expect(total).toBe(traces.length);
          return serialsOf(traces);
        };
        expect(await serials({ status: 'ERROR' })).toEqual([5, 6]);
        expect(await serials({ status: 'OK' })).toEqual([1, 2, 3, 4]);
        expect(await serials({ minDurationMs: 40.25 })).toEqual([2, 3, 4, 5]);
        expect(await serials({ componentId: 'db' })).toEqual([1, 3, 4, 5]);
        expect(await serials({ componentId: 'lb' })).toEqual([1, 2, 3, 4, 5, 6]);
        expect(await serials({ componentId: 'nowhere' })).toEqual([]);
        expect(await serials({ status: 'OK', minDurationMs: 90, componentId: 'db' })).toEqual([4]);
      });

      it('page with limit and offset while the total counts every match', async () => {
        const sim = newSimulation();
        await store.writeTraces(sim, sampleTraces());
        const page = async (limit: number, offset: number) => store.queryTraces({ simulationId: sim, limit, offset });
        const second = await page(2, 2);
        expect(second.total).toBe(6);
        expect(serialsOf(second.traces)).toEqual([3, 4]);
        expect(serialsOf((await page(4, 4)).traces)).toEqual([5, 6]);
        expect(await page(2, 10)).toEqual({ total: 6, traces: [] });
        const filtered = await store.queryTraces({ simulationId: sim, componentId: 'db', limit: 1, offset: 1 });
        expect(filtered.total).toBe(4);
        expect(serialsOf(filtered.traces)).toEqual([3]);
      });

      it('getTrace returns every span, ordered by start, with parent links intact', async () => {
        const sim = newSimulation();
        const written = sampleTraces();
        await store.writeTraces(sim, written);
        for (const expected of written) {
          const trace = await store.getTrace(sim, expected.traceId);
          expect(trace).toEqual(expected);
          const ids = new Set(trace!.spans.map((s) => s.spanId));
          const roots = trace!.spans.filter((s) => s.parentSpanId === null);
          expect(roots).toHaveLength(1);
          expect(roots[0].componentId).toBe(trace!.rootComponentId);
          for (const span of trace!.spans) if (span.parentSpanId !== null) expect(ids.has(span.parentSpanId)).toBe(true);
          const starts = trace!.spans.map((s) => s.startMs);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
        }
        const failed = await store.getTrace(sim, traceIdOf(5));
        expect(failed!.spans.map((s) => s.status)).toEqual([{ code: 'ERROR', message: 'error' }, { code: 'ERROR', message: 'error' }, { code: 'ERROR', message: 'error' }, { code: 'ERROR', message: 'timeout' }]);
        expect(failed!.spans[3].attributes).toEqual({ attempt: 1, hop: 3, replica: 2, connection: 'c3', retried: true });
        expect(await store.getTrace(sim, traceIdOf(99))).toBeUndefined();
      });

      it('getTraces returns what getTrace returns for each id, in the order asked, once each, leaving out unkept ids and other simulations', async () => {
        const sim = newSimulation();
        const other = newSimulation();
        const written = sampleTraces();
        await store.writeTraces(sim, written);
        await store.writeTraces(other, [traceOf({ serial: 9, startMs: 9000, durationMs: 10 })]);
        const asked = [traceIdOf(4), traceIdOf(99), traceIdOf(2), traceIdOf(9), traceIdOf(6), traceIdOf(4), traceIdOf(1), traceIdOf(5), traceIdOf(3)];
        const traces = await store.getTraces(sim, asked);
        expect(serialsOf(traces)).toEqual([4, 2, 6, 1, 5, 3]);
        for (const trace of traces) expect(trace).toEqual(await store.getTrace(sim, trace.traceId));
        expect(await store.getTraces(sim, [traceIdOf(99)])).toEqual([]);
        expect(await store.getTraces(sim, [])).toEqual([]);
      });

      it('written twice (a redelivered batch, and overlapping batches at once) create no duplicates', async () => {
        const sim = newSimulation();
        const written = sampleTraces();
        await store.writeTraces(sim, written);
        await store.writeTraces(sim, written);
        await Promise.all([store.writeTraces(sim, written.slice(0, 4)), store.writeTraces(sim, written.slice(2))]);
        await store.writeTraces(sim, []);
        const { total, traces } = await store.queryTraces({ simulationId: sim });
        expect(total).toBe(6);
        expect(serialsOf(traces)).toEqual([1, 2, 3, 4, 5, 6]);
        expect((await store.getTrace(sim, traceIdOf(5)))!.spans).toHaveLength(4);
      });
    });

    describe('logs', () => {
      it('come back whole, ordered by simulated time (ties by id), with the total', async () => {
        const sim = newSimulation();
        const written = sampleLogs();
        await store.writeLogs(sim, written);
        const { total, logs } = await store.queryLogs({ simulationId: sim });
        expect(total).toBe(7);
        expect(logs).toEqual(byKey(written, (l) => l.id));
      });

      it('full-text search finds a word anywhere in the message, and every word of a phrase', async () => {
        const sim = newSimulation();
        await store.writeLogs(sim, sampleLogs());
        const ids = async (q: string) => (await store.queryLogs({ simulationId: sim, q })).logs.map((l) => l.id);
        expect(await ids('breaker')).toEqual(['log-0004']);
        expect(await ids('Crash')).toEqual(['log-0001', 'log-0006']);
        expect(await ids('crash ended')).toEqual(['log-0006']);
        expect(await ids('dropped')).toEqual(['log-0002']);
        expect(await ids('nothing-like-this')).toEqual([]);
      });

      it('filter by level and component, alone, together and with a search', async () => {
        const sim = newSimulation();
        await store.writeLogs(sim, sampleLogs());
        const ids = async (filter: object) => {
          const { total, logs } = await store.queryLogs({ simulationId: sim, ...filter });
          expect(total).toBe(logs.length);
          return logs.map((l) => l.id);
        };
        expect(await ids({ level: 'warn' })).toEqual(['log-0002', 'log-0003', 'log-0004']);
        expect(await ids({ componentId: 'web' })).toEqual(['log-0002', 'log-0004', 'log-0005']);
        expect(await ids({ level: 'warn', componentId: 'web' })).toEqual(['log-0002', 'log-0004']);
        expect(await ids({ level: 'info', componentId: 'db', q: 'crash' })).toEqual(['log-0006']);
      });

      it('page with limit and offset while the total counts every match', async () => {
        const sim = newSimulation();
        await store.writeLogs(sim, sampleLogs());
        const page = await store.queryLogs({ simulationId: sim, limit: 3, offset: 3 });
        expect(page.total).toBe(7);
        expect(page.logs.map((l) => l.id)).toEqual(['log-0004', 'log-0005', 'log-0006']);
        expect(await store.queryLogs({ simulationId: sim, level: 'warn', limit: 5, offset: 5 })).toEqual({ total: 3, logs: [] });
      });

      it('written twice create no duplicates', async () => {
        const sim = newSimulation();
        await store.writeLogs(sim, sampleLogs());
        await Promise.all([store.writeLogs(sim, sampleLogs()), store.writeLogs(sim, sampleLogs().slice(2))]);
        await store.writeLogs(sim, []);
        expect((await store.queryLogs({ simulationId: sim })).total).toBe(7);
      });
    });

    describe('simulations', () => {
      it('stay separate, even with the same trace, span and log ids', async () => {
        const [a, b] = [newSimulation(), newSimulation()];
        const other: StoredTrace = traceOf({ serial: 1, startMs: 1, durationMs: 500, failure: { at: 'web', outcome: 'crashed' } });
        await store.writeTraces(a, sampleTraces());
        await store.writeTraces(b, [other]);
        await store.writeLogs(a, sampleLogs());
        await store.writeLogs(b, sampleLogs().slice(0, 1));
        expect((await store.queryTraces({ simulationId: a })).total).toBe(6);
        expect(await store.queryTraces({ simulationId: b })).toEqual({ total: 1, traces: [summarizeTrace(other)] });
        expect(await store.getTrace(b, traceIdOf(1))).toEqual(other);
        expect((await store.getTrace(a, traceIdOf(1)))!.status).toBe('OK');
        expect((await store.queryLogs({ simulationId: b })).total).toBe(1);
        expect((await store.queryLogs({ simulationId: newSimulation() })).total).toBe(0);
      });

      it('deleteSimulations removes several simulations’ traces, spans and logs, and keeps the others’', async () => {
        const [first, second, kept] = [newSimulation(), newSimulation(), newSimulation()];
        for (const sim of [first, second, kept]) {
          await store.writeTraces(sim, sampleTraces());
          await store.writeLogs(sim, sampleLogs());
        }
        await store.deleteSimulations([first, second, newSimulation()]);
        for (const gone of [first, second]) {
          expect(await store.queryTraces({ simulationId: gone })).toEqual({ total: 0, traces: [] });
          expect(await store.getTrace(gone, traceIdOf(5))).toBeUndefined();
          expect(await store.queryLogs({ simulationId: gone })).toEqual({ total: 0, logs: [] });
        }
        expect((await store.queryTraces({ simulationId: kept })).total).toBe(6);
        expect((await store.getTrace(kept, traceIdOf(5)))!.spans).toHaveLength(4);
        expect((await store.queryLogs({ simulationId: kept })).total).toBe(7);
        await store.deleteSimulations([]);
        expect((await store.queryLogs({ simulationId: kept })).total).toBe(7);
      });

      it('deleteSimulation removes that simulation’s traces, spans and logs, and nothing else', async () => {
        const [gone, kept] = [newSimulation(), newSimulation()];
        for (const sim of [gone, kept]) {
          await store.writeTraces(sim, sampleTraces());
          await store.writeLogs(sim, sampleLogs());
        }
        await store.deleteSimulation(gone);
        expect(await store.queryTraces({ simulationId: gone })).toEqual({ total: 0, traces: [] });
        expect(await store.getTrace(gone, traceIdOf(1))).toBeUndefined();
        expect(await store.queryLogs({ simulationId: gone })).toEqual({ total: 0, logs: [] });
        expect((await store.queryTraces({ simulationId: kept })).total).toBe(6);
        expect((await store.getTrace(kept, traceIdOf(5)))!.spans).toHaveLength(4);
        expect((await store.queryLogs({ simulationId: kept })).total).toBe(7);
      });
    });
  });
}
