import type { CreatedShareLinkDto, DeliverableDto, DeliverableListResponse, DesignVersionDto, LogPageDto, LogQueryParams, MetricBatchParams, MetricBatchResponse, MetricQueryParams, MetricSeriesResponse, ShareLinkDto, SimulationDto, TraceDto, TracePageDto, TraceQueryParams } from '@architech/contracts';
import { ApiError } from './api-error';
import { saveDownload } from './deliverables';
import { request } from './http';

const enc = encodeURIComponent;

/** `?a=1&b=x` from the defined values of `params` (empty string when none). */
function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A run's share links, for its editors (docs/sharing.md). */
export const shareLinksApi = {
  create: (simulationId: string, expiresInDays: number) => request<CreatedShareLinkDto>('POST', `/simulations/${enc(simulationId)}/share-links`, { expiresInDays }),
  list: (simulationId: string, signal?: AbortSignal) => request<{ links: ShareLinkDto[] }>('GET', `/simulations/${enc(simulationId)}/share-links`, undefined, signal).then((r) => r.links),
  revoke: (simulationId: string, linkId: string) => request<ShareLinkDto>('DELETE', `/simulations/${enc(simulationId)}/share-links/${enc(linkId)}`),
};

/**
 * Reads through a share link, without an account: `/api/shared/:token/...`. Never sends the
 * session's token (a visitor may be signed in to another account) and never ends a session.
 */
async function sharedRequest<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return (await sharedResponse<T>(token, method, path, body, signal)).json;
}

async function sharedResponse<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<{ json: T; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(`/api/shared/${enc(token)}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'The server cannot be reached.');
  }
  const json = (await response.json().catch(() => undefined)) as (T & { error?: { code?: string; message?: string; details?: unknown } }) | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, json?.error?.code ?? `http_${response.status}`, json?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`, json?.error?.details);
  }
  return { json: json as T, headers: response.headers };
}

/** The reads of one shared run; `open` is the page's first request, the one the link counts. */
export function sharedRunApi(token: string) {
  return {
    /** The run, and when the link expires (`x-share-expires-at`). */
    open: async (signal?: AbortSignal) => {
      const { json, headers } = await sharedResponse<SimulationDto>(token, 'GET', '', undefined, signal);
      return { simulation: json, expiresAt: headers.get('x-share-expires-at') ?? undefined };
    },
    run: (signal?: AbortSignal) => sharedRequest<SimulationDto>(token, 'GET', '/run', undefined, signal),
    design: () => sharedRequest<DesignVersionDto>(token, 'GET', '/design'),
    metrics: (params: MetricQueryParams, signal?: AbortSignal) => sharedRequest<MetricSeriesResponse>(token, 'GET', `/metrics${query(params)}`, undefined, signal).then((r) => r.series),
    metricBatch: (batch: MetricBatchParams, signal?: AbortSignal) => sharedRequest<MetricBatchResponse>(token, 'POST', '/metrics/batch', batch, signal).then((r) => r.results.map((result) => result.series)),
    traces: (filters: TraceQueryParams, signal?: AbortSignal) => sharedRequest<TracePageDto>(token, 'GET', `/traces${query(filters)}`, undefined, signal),
    trace: (traceId: string, signal?: AbortSignal) => sharedRequest<TraceDto>(token, 'GET', `/traces/${enc(traceId)}`, undefined, signal),
    traceSample: (size: number, signal?: AbortSignal) => sharedRequest<{ traces: TraceDto[] }>(token, 'GET', `/traces/sample?size=${size}`, undefined, signal).then((r) => r.traces),
    logs: (filters: LogQueryParams, signal?: AbortSignal) => sharedRequest<LogPageDto>(token, 'GET', `/logs${query(filters)}`, undefined, signal),
    /** The run's reports (docs/sharing.md): listed and downloaded, never generated, through the link. */
    deliverables: (signal?: AbortSignal) => sharedRequest<DeliverableListResponse>(token, 'GET', '/deliverables', undefined, signal),
    downloadDeliverable: (deliverable: DeliverableDto) => saveDownload(`/api/shared/${enc(token)}/deliverables/${enc(deliverable.id)}/content`, deliverable.fileName, { credentials: 'omit' }),
  };
}
