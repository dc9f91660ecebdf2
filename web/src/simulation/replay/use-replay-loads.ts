import { useEffect, useRef, useState } from 'react';
import { useAsync } from '../../ui/use-async';
import { useRunSource } from '../run-source';
import { useLiveSimulation } from '../use-live-simulation';
import { loadReplayData, loadReplayModel, type ReplayData } from './load-replay';
import { loadTraceSample } from './load-trace-sample';
import { remembered } from './replay-cache';
import { FIRST_METRICS, LATER_METRICS } from './replay-series';

/** How soon series that stop short of the run's end are asked for again, and how many times (then what there is is shown). */
const INCOMPLETE_RETRY_MS = 3000;
const INCOMPLETE_RETRIES = 20;

const isComplete = (data: ReplayData) => data.complete;

/** How often a completed run is asked whether its telemetry has landed, and for how long (then what there is is shown). */
const TELEMETRY_POLL_MS = 1000;
const TELEMETRY_WAIT_MS = 60_000;

/**
 * Everything a replay loads, in order: the simulation (followed live until it completes), the
 * design that ran (the canvas shows at once), the series the first frame needs, the others, then
 * the sampled traces — one after the other, so nothing slows down what is shown first. The series
 * are asked for once the run says its telemetry has fully landed (`telemetryComplete`); a run
 * that never says so (stored before telemetry acknowledged anything) is shown after a minute with
 * series that stop short of its end asked for again every few seconds. Loads are remembered per
 * simulation (`remembered`), so coming back to the tab is instant.
 */
export function useReplayLoads(simulationId: string) {
  const live = useLiveSimulation(simulationId);
  const source = useRunSource();
  const simulation = live.simulation;
  const completed = simulation?.status === 'COMPLETED' ? simulation : undefined;
  const model = useAsync(() => (completed === undefined ? Promise.resolve(undefined) : remembered(`${completed.id}:model`, () => loadReplayModel(source, completed))), [source, completed?.id, completed?.status]);
  const replay = model.status === 'ready' ? model.value : undefined;
  const [gaveUpWaiting, setGaveUpWaiting] = useState(false);
  const landed = completed?.telemetryComplete === true || gaveUpWaiting;
  const reloadSimulation = live.load.reload;
  const waitingId = completed !== undefined && !landed ? completed.id : undefined;
  useEffect(() => {
    if (waitingId === undefined) return;
    const poll = window.setInterval(reloadSimulation, TELEMETRY_POLL_MS);
    const giveUp = window.setTimeout(() => setGaveUpWaiting(true), TELEMETRY_WAIT_MS);
    return () => {
      window.clearInterval(poll);
      window.clearTimeout(giveUp);
    };
  }, [waitingId, reloadSimulation]);
  const data = useAsync(
    (signal) => (replay === undefined || !landed ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:first`, () => loadReplayData(source, replay, FIRST_METRICS, signal), isComplete)),
    [source, replay, landed],
  );
  // A reload keeps showing what was loaded before.
  const first = data.value;
  const rest = useAsync(
    (signal) => (replay === undefined || first === undefined ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:all`, () => loadReplayData(source, replay, LATER_METRICS, signal, first), isComplete)),
    [source, replay, first],
  );
  const loaded = rest.value ?? first;
  const retries = useRef(0);
  const waitingForSeries = (completed !== undefined && !landed) || (first !== undefined && !first.complete && retries.current < INCOMPLETE_RETRIES);
  const restSettled = first !== undefined && !waitingForSeries && rest.status !== 'loading';
  const traces = useAsync(
    (signal) => (replay === undefined || !restSettled ? Promise.resolve(undefined) : remembered(`${replay.simulation.id}:traces`, () => loadTraceSample(source, replay.simulation.id, signal))),
    [source, replay, restSettled],
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
    /** The run's telemetry is still being stored (or its series stop short of the run's end and are asked for again). */
    waitingForSeries,
  };
}
