import {
  FINAL_SIMULATION_STATES,
  type LaunchSimulationResponse,
  type LogPageDto,
  type LogQueryParams,
  type MetricQueryParams,
  type MetricSeriesResponse,
  type SimulationConfigInput,
  type SimulationDto,
  type SimulationListResponse,
  type SimulationStatusUpdate,
  type TraceDto,
  type TracePageDto,
  type TraceQueryParams,
} from '@architech/contracts';
import { SseParser } from '../simulation/sse-parser';
import { ApiError } from './api-error';
import { request } from './http';
import { runReads } from './run-reads';
import { accessToken, accessTokenAfter401, endSession } from './session';

const enc = encodeURIComponent;

/** `?a=1&b=x` from the defined values of `params` (empty string when none). */
function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The simulations and telemetry routes of the public API (docs/api.md, docs/api.md "Simulations"). */
export const simulationsApi = {
  /** Queues a run of a design version; the answer comes before it starts (202). */
  launch: (designId: string, config: SimulationConfigInput, signal?: AbortSignal) => request<LaunchSimulationResponse>('POST', `/designs/${enc(designId)}/simulations`, config, signal),
  /** Past runs of one design version, newest first, with their summaries. */
  listForDesign: (designId: string, signal?: AbortSignal) => request<SimulationListResponse>('GET', `/designs/${enc(designId)}/simulations`, undefined, signal).then((r) => r.simulations),
  get: runReads.get,
  /** A PENDING run stops at once, a RUNNING one within a second (its final status arrives over the events). */
  cancel: (id: string) => request<SimulationDto>('DELETE', `/simulations/${enc(id)}`),
  /** Series of one metric: of the components (or `END_TO_END`) listed comma-separated in `component`, or of every component when it is omitted. */
  metrics: (id: string, params: MetricQueryParams, signal?: AbortSignal) => request<MetricSeriesResponse>('GET', `/simulations/${enc(id)}/metrics${query(params)}`, undefined, signal).then((r) => r.series),
  /** Several metrics queries over one window in one request: one list of series per query, in the order asked. */
  metricBatch: runReads.metricBatch,
  traces: (id: string, filters: TraceQueryParams, signal?: AbortSignal) => request<TracePageDto>('GET', `/simulations/${enc(id)}/traces${query(filters)}`, undefined, signal),
  trace: (id: string, traceId: string, signal?: AbortSignal) => request<TraceDto>('GET', `/simulations/${enc(id)}/traces/${enc(traceId)}`, undefined, signal),
  traceSample: runReads.traceSample,
  logs: (id: string, filters: LogQueryParams, signal?: AbortSignal) => request<LogPageDto>('GET', `/simulations/${enc(id)}/logs${query(filters)}`, undefined, signal),
};

/** Wait before the one reconnection, so a restarting gateway has a moment. */
const RECONNECT_DELAY_MS = 1000;

/**
 * Follows `GET /api/simulations/:id/events`: calls `onEvent` with each newer status (the current
 * one first) until a final status arrives. A dropped stream is reopened once; a second drop, a
 * refused request or a broken stream calls `onError` (then poll {@link simulationsApi.get}).
 * Returns the function that stops listening.
 *
 * `EventSource` cannot send an `Authorization` header, so this reads the stream through `fetch`.
 *
 * @example
 * useEffect(() => subscribeToStatus(id, setStatus, setError), [id]);
 */
export function subscribeToStatus(id: string, onEvent: (event: SimulationStatusUpdate) => void, onError: (error: unknown) => void): () => void {
  const controller = new AbortController();
  let lastSequence = -1;
  let final = false;
  let reconnected = false;

  const receive = (event: SimulationStatusUpdate) => {
    // A reopened stream starts again from the current state: drop what was already seen.
    if (event.sequence <= lastSequence) return;
    lastSequence = event.sequence;
    if (FINAL_SIMULATION_STATES.has(event.status)) final = true;
    onEvent(event);
  };

  const run = async (): Promise<void> => {
    for (;;) {
      try {
        await readStream(id, controller.signal, receive);
        if (final || controller.signal.aborted) return;
        throw new ApiError(0, 'stream_closed', 'The live progress stream closed before the simulation finished.');
      } catch (error) {
        if (controller.signal.aborted) return;
        const retriable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
        if (final || reconnected || !retriable) return onError(error);
        reconnected = true;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
        if (controller.signal.aborted) return;
      }
    }
  };
  void run();
  return () => controller.abort();
}

/** Reads one connection of the event stream to its end. */
async function readStream(id: string, signal: AbortSignal, receive: (event: SimulationStatusUpdate) => void): Promise<void> {
  const token = await accessToken();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/simulations/${enc(id)}/events`, { headers, signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, 'network_error', 'The server cannot be reached.');
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    // A rejected token is renewed for the next connection; a session that cannot be renewed ends.
    if (response.status === 401 && token && !(await accessTokenAfter401(token))) endSession();
    throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`, body?.error?.details);
  }
  const parser = new SseParser((message) => {
    if (message.event === 'status') receive(JSON.parse(message.data) as SimulationStatusUpdate);
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
