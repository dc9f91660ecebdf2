import type { ProjectRole, TraceDto } from '@architech/contracts';
import type { AuthUser, LogQuery, MetricQuery, MetricSeries, MetricStore, TraceQuery, TraceStore } from '@architech/service-kit';
import type { PeersRepository } from '../src/repositories/peers.repository';
import { TelemetryQueryService } from '../src/services/telemetry-query.service';

/* TelemetryQueryService with in-memory peers and stores: who may read, and what each read asks the stores. */

const SIM = '11111111-1111-4111-8111-111111111111';
const OTHER_SIM = '22222222-2222-4222-8222-222222222222';
const PROJECT = '33333333-3333-4333-8333-333333333333';
const member: AuthUser = { id: 'member', email: 'm@example.com' };
const stranger: AuthUser = { id: 'stranger', email: 's@example.com' };

/** Which project each simulation belongs to, and who is a member of which project. */
class FakePeers implements Pick<PeersRepository, 'projectOf' | 'roleOf'> {
  readonly owners = new Map<string, string>([[SIM, PROJECT], [OTHER_SIM, PROJECT]]);
  readonly roles = new Map<string, ProjectRole>([[`${PROJECT}:member`, 'viewer']]);

  async projectOf(simulationId: string): Promise<string | undefined> {
    return this.owners.get(simulationId);
  }

  async roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    return this.roles.get(`${projectId}:${userId}`);
  }
}

const trace = (simulationId: string, traceId: string): TraceDto => ({ traceId, rootComponentId: `${simulationId}-root`, startMs: 0, durationMs: 5, status: 'OK', reason: 'sampled', spans: [] }) as unknown as TraceDto;

/** Keeps the queries it was asked; holds traces by simulation and id, and counts reads in flight. */
class FakeStores {
  readonly metricQueries: MetricQuery[] = [];
  readonly traceQueries: TraceQuery[] = [];
  readonly logQueries: LogQuery[] = [];
  readonly traces = new Map<string, TraceDto>();
  readonly traceBatches: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;

  readonly metricStore = {
    query: async (query: MetricQuery): Promise<MetricSeries[]> => {
      this.metricQueries.push(query);
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      this.inFlight--;
      return (query.componentIds ?? ['all']).map((componentId) => ({ componentId, componentType: 'SERVICE', metric: query.metric, points: [] }));
    },
  } as unknown as MetricStore;

  readonly traceStore = {
    queryTraces: async (query: TraceQuery) => {
      this.traceQueries.push(query);
      const kept = [...this.traces.entries()].filter(([key]) => key.startsWith(`${query.simulationId}/`)).map(([, t]) => ({ ...t, spanCount: t.spans.length, components: [] }));
      return { total: kept.length, traces: kept.slice(0, query.limit) };
    },
    queryLogs: async (query: LogQuery) => {
      this.logQueries.push(query);
      return { total: 0, logs: [] };
    },
    getTrace: async (simulationId: string, traceId: string) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      this.inFlight--;
      return this.traces.get(`${simulationId}/${traceId}`);
    },
    getTraces: async (simulationId: string, traceIds: readonly string[]) => {
      this.traceBatches.push([...traceIds]);
      return [...new Set(traceIds)].flatMap((id) => this.traces.get(`${simulationId}/${id}`) ?? []);
    },
  } as unknown as TraceStore;
}

function setup() {
  const peers = new FakePeers();
  const stores = new FakeStores();
  const service = new TelemetryQueryService(peers as unknown as PeersRepository, stores.metricStore, stores.traceStore);
  return { service, peers, stores };
}

async function failure(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; code: string; message: string };
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error('expected the call to fail');
}

const hexId = (n: number) => n.toString(16).padStart(32, '0');

describe('TelemetryQueryService', () => {
  it('answers 404 "simulation not found" to a non-member and for an unknown simulation, without reading a store', async () => {
    const { service, stores } = setup();
    const notFound = { status: 404, code: 'not_found', message: 'simulation not found' };
    expect(await failure(service.metricSeries(SIM, { metric: 'throughput', maxPoints: 500 } as never, stranger))).toEqual(notFound);
    expect(await failure(service.traceList(SIM, { limit: 50, offset: 0 } as never, stranger))).toEqual(notFound);
    expect(await failure(service.logs(SIM, { limit: 50, offset: 0 } as never, stranger))).toEqual(notFound);
    expect(await failure(service.trace(SIM, hexId(1), stranger))).toEqual(notFound);
    expect(await failure(service.traceBatch(SIM, [hexId(1)], stranger))).toEqual(notFound);
    expect(await failure(service.traceSample(SIM, { size: 10 }, stranger))).toEqual(notFound);
    expect(await failure(service.metricBatch(SIM, { queries: [{ metric: 'errors' }], maxPoints: 500 }, stranger))).toEqual(notFound);
    expect(await failure(service.metricSeries('44444444-4444-4444-8444-444444444444', { metric: 'throughput' } as never, member))).toEqual(notFound);
    expect(stores.metricQueries).toEqual([]);
    expect(stores.traceQueries).toEqual([]);
    expect(stores.logQueries).toEqual([]);
    expect(stores.maxInFlight).toBe(0);
  });

  it('hands a member’s parsed queries to the stores under the store’s field names, for that simulation only', async () => {
    const { service, stores } = setup();
    await service.metricSeries(SIM, { metric: 'latencyP99', component: ['api', 'db'], from: 10, to: 20, maxPoints: 300 } as never, member);
    await service.traceList(SIM, { status: 'ERROR', minDurationMs: 40, component: 'api', limit: 20, offset: 40 } as never, member);
    await service.logs(SIM, { q: 'timeout', level: 'ERROR', component: 'db', limit: 10, offset: 0 } as never, member);
    expect(stores.metricQueries).toEqual([{ simulationId: SIM, metric: 'latencyP99', componentIds: ['api', 'db'], fromSec: 10, toSec: 20, maxPoints: 300 }]);
    expect(stores.traceQueries).toEqual([{ simulationId: SIM, status: 'ERROR', minDurationMs: 40, componentId: 'api', limit: 20, offset: 40 }]);
    expect(stores.logQueries).toEqual([{ simulationId: SIM, q: 'timeout', level: 'ERROR', componentId: 'db', limit: 10, offset: 0 }]);
  });

  it('reads one trace of the simulation asked, 404 "trace not found" when the run did not keep it', async () => {
    const { service, stores } = setup();
    stores.traces.set(`${SIM}/${hexId(1)}`, trace(SIM, hexId(1)));
    stores.traces.set(`${OTHER_SIM}/${hexId(2)}`, trace(OTHER_SIM, hexId(2)));
    expect((await service.trace(SIM, hexId(1), member)).traceId).toBe(hexId(1));
    expect(await failure(service.trace(SIM, hexId(2), member))).toEqual({ status: 404, code: 'not_found', message: 'trace not found' });
  });

  it('answers a batch in the order asked, leaving out unkept ids, with one store read', async () => {
    const { service, stores } = setup();
    const ids = Array.from({ length: 12 }, (_, i) => hexId(i + 1));
    for (const id of ids.filter((_, i) => i % 3 !== 1)) stores.traces.set(`${SIM}/${id}`, trace(SIM, id));
    const { traces } = await service.traceBatch(SIM, [...ids].reverse(), member);
    expect(traces.map((t) => t.traceId)).toEqual([...ids].reverse().filter((id) => ids.indexOf(id) % 3 !== 1));
    // One store call for the whole batch, not one per trace.
    expect(stores.traceBatches).toEqual([[...ids].reverse()]);
    expect(stores.maxInFlight).toBe(0);
  });

  it('answers a trace sample from one list read and one batch read: the picked traces with their spans, in start order', async () => {
    const { service, stores } = setup();
    for (let i = 1; i <= 30; i++) stores.traces.set(`${SIM}/${hexId(i)}`, { ...trace(SIM, hexId(i)), startMs: i * 1000, status: i % 5 === 0 ? 'ERROR' : 'OK' } as TraceDto);
    stores.traces.set(`${OTHER_SIM}/${hexId(99)}`, trace(OTHER_SIM, hexId(99)));
    const { traces } = await service.traceSample(SIM, { size: 9 }, member);
    expect(traces).toHaveLength(9);
    expect(traces.filter((t) => t.status === 'ERROR')).toHaveLength(3);
    expect(traces.map((t) => t.startMs)).toEqual([...traces.map((t) => t.startMs)].sort((a, b) => a - b));
    expect(stores.traceQueries).toEqual([{ simulationId: SIM, limit: 1000 }]);
    expect(stores.traceBatches).toHaveLength(1);
    expect(stores.traceBatches[0]).toEqual(traces.map((t) => t.traceId));
    expect((await service.traceSample(OTHER_SIM, { size: 9 }, member)).traces.map((t) => t.traceId)).toEqual([hexId(99)]);
  });

  it('answers a metrics batch with one reader check, each query as the store answers it, in the order asked, four at a time', async () => {
    const { service, stores, peers } = setup();
    let checks = 0;
    const projectOf = peers.projectOf.bind(peers);
    peers.projectOf = (id) => (checks++, projectOf(id));
    const queries = Array.from({ length: 9 }, (_, i) => ({ metric: 'utilization' as const, component: [`c${i}`] }));
    const { results } = await service.metricBatch(SIM, { queries: [...queries, { metric: 'errors' }], from: 5, to: 50, maxPoints: 300 }, member);
    expect(checks).toBe(1);
    expect(results.map((r) => r.series.map((s) => `${s.metric}/${s.componentId}`))).toEqual([...queries.map((q) => [`utilization/${q.component[0]}`]), ['errors/all']]);
    expect(stores.metricQueries[9]).toEqual({ simulationId: SIM, metric: 'errors', componentIds: undefined, fromSec: 5, toSec: 50, maxPoints: 300 });
    expect(stores.maxInFlight).toBe(4);
  });
});
