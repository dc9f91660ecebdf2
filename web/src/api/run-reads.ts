import type { MetricBatchParams, MetricBatchResponse, SimulationDto, TraceDto } from '@architech/contracts';
import { request } from './http';

const enc = encodeURIComponent;

/**
 * The reads a run page makes first, apart from {@link simulationsApi} so the entry script can
 * prefetch them (app/route-prefetch.ts) without bundling the rest of the API client and the
 * contracts' values into the first load of every page.
 */
export const runReads = {
  get: (id: string, signal?: AbortSignal) => request<SimulationDto>('GET', `/simulations/${enc(id)}`, undefined, signal),
  /** Several metrics queries over one window in one request: one list of series per query, in the order asked. */
  metricBatch: (id: string, batch: MetricBatchParams, signal?: AbortSignal) => request<MetricBatchResponse>('POST', `/simulations/${enc(id)}/metrics/batch`, batch, signal).then((r) => r.results.map((result) => result.series)),
  /** `size` of the run's kept traces with their spans, spread over the run (at most 500). */
  traceSample: (id: string, size: number, signal?: AbortSignal) => request<{ traces: TraceDto[] }>('GET', `/simulations/${enc(id)}/traces/sample?size=${size}`, undefined, signal).then((r) => r.traces),
};
