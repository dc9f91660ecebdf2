import type { TraceDto } from '@architech/contracts';
import type { RunSource } from '../run-source';
import { pickSample } from './trace-selection';

/** Traces fetched for the dots: enough to keep a few dozen in flight at 10×, few enough to load in a second or two. */
export const TRACE_SAMPLE_SIZE = 240;
/** The list page read (the API's largest). */
const LIST_LIMIT = 1000;

/**
 * Loads a sample of the run's kept traces with their spans in two requests: the list, then the
 * chosen traces in one batch (`POST …/traces/batch`). Traces the run did not keep are left out:
 * dots are illustration, not data a user acts on.
 */
export async function loadTraceSample(source: RunSource, simulationId: string, signal?: AbortSignal, size = TRACE_SAMPLE_SIZE): Promise<TraceDto[]> {
  const page = await source.traces(simulationId, { limit: LIST_LIMIT }, signal);
  const wanted = pickSample(page.traces, size);
  if (wanted.length === 0) return [];
  return source.traceBatch(simulationId, wanted.map((t) => t.traceId), signal);
}
