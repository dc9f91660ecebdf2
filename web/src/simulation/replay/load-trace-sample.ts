import type { TraceDto } from '@architech/contracts';
import { simulationsApi } from '../../api/simulations';
import { pickSample } from './trace-selection';

/** Traces fetched for the dots: enough to keep a few dozen in flight at 10×, few enough to load in a second or two. */
export const TRACE_SAMPLE_SIZE = 240;
/** The list page read (the API's largest). */
const LIST_LIMIT = 1000;
/** Trace requests in flight at once (a browser's connections per host). */
const CONCURRENCY = 6;

/**
 * Loads a sample of the run's kept traces with their spans (the list, then one request per trace,
 * {@link CONCURRENCY} at a time). A trace that cannot be read is skipped: dots are illustration,
 * not data a user acts on.
 */
export async function loadTraceSample(simulationId: string, signal: AbortSignal, size = TRACE_SAMPLE_SIZE): Promise<TraceDto[]> {
  const page = await simulationsApi.traces(simulationId, { limit: LIST_LIMIT }, signal);
  const wanted = pickSample(page.traces, size);
  const loaded: (TraceDto | undefined)[] = new Array(wanted.length);
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const i = next++;
      try {
        loaded[i] = await simulationsApi.trace(simulationId, wanted[i]!.traceId, signal);
      } catch (error) {
        if (signal.aborted) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, wanted.length) }, worker));
  return loaded.filter((t): t is TraceDto => t !== undefined);
}
