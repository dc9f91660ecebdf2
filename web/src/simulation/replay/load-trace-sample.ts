import type { TraceDto } from '@architech/contracts';
import type { RunSource } from '../run-source';

/** Traces fetched for the dots: enough to keep a few dozen in flight at 10×, few enough to load in a second or two. */
export const TRACE_SAMPLE_SIZE = 240;

/**
 * Loads a sample of the run's kept traces with their spans, spread over the run, a third of them
 * failed ones, in one request (`GET …/traces/sample`: the API picks them, `pickSample`). Traces the
 * run did not keep are not in it: dots are illustration, not data a user acts on.
 */
export function loadTraceSample(source: Pick<RunSource, 'traceSample'>, simulationId: string, signal?: AbortSignal, size = TRACE_SAMPLE_SIZE): Promise<TraceDto[]> {
  return source.traceSample(simulationId, size, signal);
}
