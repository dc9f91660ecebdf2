import { Inject, Injectable } from '@nestjs/common';
import { ApiException, parseInput, type AuthUser, type MetricSeries, type MetricStore, type StoredLog, type StoredTrace, type TraceStore, type TraceSummary } from '@architech/service-kit';
import { z } from 'zod';
import { PeersRepository } from '../repositories/peers.repository';
import { METRIC_STORE, TRACE_STORE } from '../tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const page = { limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) };

const metricQuery = z.strictObject({
  metric: z.string().min(1).max(64),
  component: z.string().min(1).max(64).optional(),
  from: z.coerce.number().min(0).optional(),
  to: z.coerce.number().min(0).optional(),
  maxPoints: z.coerce.number().int().min(1).max(10_000).default(1000),
});
const traceQuery = z.strictObject({
  status: z.enum(['OK', 'ERROR']).optional(),
  minDurationMs: z.coerce.number().min(0).optional(),
  component: z.string().min(1).max(64).optional(),
  ...page,
});
const logQuery = z.strictObject({
  q: z.string().max(200).optional(),
  level: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  component: z.string().min(1).max(64).optional(),
  ...page,
});

/** Queries over a simulation's metrics, traces and logs, for members of its project only. */
@Injectable()
export class TelemetryQueryService {
  constructor(
    private readonly peers: PeersRepository,
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
  ) {}

  async metricSeries(simulationId: string, query: unknown, user: AuthUser): Promise<{ series: MetricSeries[] }> {
    await this.requireReader(simulationId, user);
    const q = parseInput(metricQuery, query, 'metrics query');
    return { series: await this.metrics.query({ simulationId, metric: q.metric, componentId: q.component, fromSec: q.from, toSec: q.to, maxPoints: q.maxPoints }) };
  }

  async traceList(simulationId: string, query: unknown, user: AuthUser): Promise<{ total: number; traces: TraceSummary[] }> {
    await this.requireReader(simulationId, user);
    const q = parseInput(traceQuery, query, 'traces query');
    return this.traces.queryTraces({ simulationId, status: q.status, minDurationMs: q.minDurationMs, componentId: q.component, limit: q.limit, offset: q.offset });
  }

  async trace(simulationId: string, traceId: string, user: AuthUser): Promise<StoredTrace> {
    await this.requireReader(simulationId, user);
    const trace = await this.traces.getTrace(simulationId, traceId);
    if (!trace) throw ApiException.notFound('trace');
    return trace;
  }

  async logs(simulationId: string, query: unknown, user: AuthUser): Promise<{ total: number; logs: StoredLog[] }> {
    await this.requireReader(simulationId, user);
    const q = parseInput(logQuery, query, 'logs query');
    return this.traces.queryLogs({ simulationId, q: q.q, level: q.level, componentId: q.component, limit: q.limit, offset: q.offset });
  }

  private async requireReader(simulationId: string, user: AuthUser): Promise<void> {
    const projectId = UUID.test(simulationId) ? await this.peers.projectOf(simulationId) : undefined;
    const role = projectId ? await this.peers.roleOf(projectId, user.id) : undefined;
    if (!role) throw ApiException.notFound('simulation');
  }
}
