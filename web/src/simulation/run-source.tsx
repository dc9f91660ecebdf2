import { createContext, useContext } from 'react';
import type { DesignVersionDto, LogPageDto, LogQueryParams, MetricBatchParams, MetricQueryParams, MetricSeriesDto, SimulationDto, TraceDto, TracePageDto, TraceQueryParams } from '@architech/contracts';
import { api } from '../api/endpoints';
import { getSession } from '../api/session';
import { sharedRunApi } from '../api/shared';
import { simulationsApi } from '../api/simulations';
import { takePrefetched } from './prefetched';

/**
 * Where the run views (dashboard, replay, traces, logs) read a run: the member API, or a share
 * link's read-only routes (docs/sharing.md). The views take it from context, so the same
 * components serve the run page and the public shared page.
 */
export interface RunSource {
  /** Read through a share link: no live stream, nothing but reads. */
  readonly shared: boolean;
  get(id: string, signal?: AbortSignal): Promise<SimulationDto>;
  design(designId: string): Promise<DesignVersionDto>;
  metrics(id: string, params: MetricQueryParams, signal?: AbortSignal): Promise<MetricSeriesDto[]>;
  /** Several metrics queries in one request: one list of series per query, in the order asked. */
  metricBatch(id: string, batch: MetricBatchParams, signal?: AbortSignal): Promise<MetricSeriesDto[][]>;
  traces(id: string, filters: TraceQueryParams, signal?: AbortSignal): Promise<TracePageDto>;
  trace(id: string, traceId: string, signal?: AbortSignal): Promise<TraceDto>;
  /** `size` of the run's traces with their spans, spread over the run (`GET …/traces/sample`). */
  traceSample(id: string, size: number, signal?: AbortSignal): Promise<TraceDto[]>;
  logs(id: string, filters: LogQueryParams, signal?: AbortSignal): Promise<LogPageDto>;
}

/** Design versions a page keeps (see {@link memberDesign}). */
const REMEMBERED_DESIGNS = 8;
const designLoads = new Map<string, Promise<DesignVersionDto>>();

/**
 * A design version, loaded once per signed-in user: a saved version never changes, and the run
 * page and its replay both need the one that ran. A failed load is forgotten, so the next asks again.
 */
export function memberDesign(designId: string): Promise<DesignVersionDto> {
  const key = `${getSession()?.user.id ?? ''}/${designId}`;
  let load = designLoads.get(key);
  if (load === undefined) {
    load = api.getDesign(designId);
    const remembered = load;
    remembered.catch(() => {
      if (designLoads.get(key) === remembered) designLoads.delete(key);
    });
    if (designLoads.size >= REMEMBERED_DESIGNS) designLoads.delete(designLoads.keys().next().value!);
    designLoads.set(key, load);
  }
  return load;
}

/** A signed-in member's reads. */
export const memberRunSource: RunSource = {
  shared: false,
  // The run page's first load may have been asked for before its code arrived (app/route-prefetch.ts).
  get: (id, signal) => takePrefetched<SimulationDto>(`simulation:${id}`) ?? simulationsApi.get(id, signal),
  design: memberDesign,
  metrics: simulationsApi.metrics,
  metricBatch: simulationsApi.metricBatch,
  traces: simulationsApi.traces,
  trace: simulationsApi.trace,
  traceSample: simulationsApi.traceSample,
  logs: simulationsApi.logs,
};

/**
 * The reads of the run a share token opens. The run's id is the token's; `get` reloads through
 * `/run` (the page's opening, the request the link counts, is made once by the shared page).
 */
export function sharedRunSource(token: string): RunSource {
  const shared = sharedRunApi(token);
  let design: Promise<DesignVersionDto> | undefined;
  return {
    shared: true,
    get: (_id, signal) => shared.run(signal),
    // One run, one design version: the page and its replay share one load (a failed one is asked again).
    design: () => (design ??= shared.design().catch((error: unknown) => {
      design = undefined;
      throw error;
    })),
    metrics: (_id, params, signal) => shared.metrics(params, signal),
    metricBatch: (_id, batch, signal) => shared.metricBatch(batch, signal),
    traces: (_id, filters, signal) => shared.traces(filters, signal),
    trace: (_id, traceId, signal) => shared.trace(traceId, signal),
    traceSample: (_id, size, signal) => shared.traceSample(size, signal),
    logs: (_id, filters, signal) => shared.logs(filters, signal),
  };
}

const RunSourceContext = createContext<RunSource>(memberRunSource);

/** Makes the views below read through `value`. */
export const RunSourceProvider = RunSourceContext.Provider;

/** Where the run views read (the member API unless a {@link RunSourceProvider} says otherwise). */
export function useRunSource(): RunSource {
  return useContext(RunSourceContext);
}
