import { useEffect, useRef } from 'react';
import { useAsync } from '../../ui/use-async';
import { useLiveSimulation } from '../use-live-simulation';
import { loadReplayData, loadReplayModel, type ReplayData } from './load-replay';
import { loadTraceSample } from './load-trace-sample';
import { remembered } from './replay-cache';
import { FIRST_METRICS, LATER_METRICS } from './replay-series';

/** How soon series that stop short of the run's end are asked for again, and how many times (then what there is is shown). */
const INCOMPLETE_RETRY_MS = 3000;
const INCOMPLETE_RETRIES = 20;

const isComplete = (data: ReplayData) => data.complete;

/**
 * Everything a replay loads, in order: the simulation (followed live until it completes), the
 * design that ran (the canvas shows at once), the series the first frame needs, the others, then
 * the sampled traces — one after the other, so nothing slows down what is shown first. Series
 * that stop short of the run's end (the telemetry of a run that has just completed is still being
 * stored) are asked for again every few seconds. Loads are remembered per simulation
 * (`remembered`), so coming back to the tab is instant.
 */
export function useReplayLoads(simulationId: string) {
  const live = useLiveSimulation(simulationId);
  const simulation = live.simulation;
  const completed = simulation?.status === 'COMPLETED' ? simulation : undefined;
  const model = useAsync(() => (completed === undefined ? Promise.resolve(undefined) : remembered(`${completed.id}:model`, () => loadReplayModel(completed))), [completed?.id, completed?.status]);
  const replay = model.status === 'ready' ? model.value : undefined;
  const data = useAsync((signal) => (replay === undefined ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:first`, () => loadReplayData(replay, FIRST_METRICS, signal), isComplete)), [replay]);
  // A reload keeps showing what was loaded before.
  const first = data.value;
  const rest = useAsync(
    (signal) => (replay === undefined || first === undefined ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:all`, () => loadReplayData(replay, LATER_METRICS, signal, first), isComplete)),
    [replay, first],
  );
  const loaded = rest.value ?? first;
  const retries = useRef(0);
  const waitingForSeries = first !== undefined && !first.complete && retries.current < INCOMPLETE_RETRIES;
  const restSettled = first !== undefined && !waitingForSeries && rest.status !== 'loading';
  const traces = useAsync(
    (signal) => (replay === undefined || !restSettled ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:traces`, () => loadTraceSample(replay.simulation.id, signal))),
    [replay, restSettled],
  );

  const reloadSeries = data.reload;
  useEffect(() => {
    if (!waitingForSeries) return;
    const timer = window.setTimeout(() => {
      retries.current++;
      reloadSeries();
    }, INCOMPLETE_RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [first, waitingForSeries, reloadSeries]);

  return {
    live,
    simulation,
    /** The design and the run's frame. */
    model,
    /** The series of the first frame. */
    data,
    /** The other series. */
    rest,
    replay,
    /** The most complete series loaded so far. */
    loaded,
    /** Sampled traces, once the series are in. */
    traces: restSettled ? traces : undefined,
    /** The series stop short of the run's end and are being asked for again. */
    waitingForSeries,
  };
}
