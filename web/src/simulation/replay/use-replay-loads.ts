import type { SimulationDto, TraceDto } from '@architech/contracts';
import { useEffect, useRef, useState } from 'react';
import { useAsync } from '../../ui/use-async';
import { useRunSource } from '../run-source';
import { useLiveSimulation } from '../use-live-simulation';
import { takePrefetched } from '../prefetched';
import { fetchReplaySeries, type FetchedSeries } from './fetch-replay-series';
import { buildReplayData, loadReplayModel, type ReplayData } from './load-replay';
import { loadTraceSample } from './load-trace-sample';
import { remembered, rememberedShared } from './replay-cache';
import { FIRST_METRICS, LATER_METRICS } from './replay-series';

/** How soon series that stop short of the run's end are asked for again, and how many times (then what there is is shown). */
const INCOMPLETE_RETRY_MS = 3000;
const INCOMPLETE_RETRIES = 20;

const isComplete = (data: ReplayData) => data.complete;

/** How often a completed run is asked whether its telemetry has landed, and for how long (then what there is is shown). */
const TELEMETRY_POLL_MS = 1000;
const TELEMETRY_WAIT_MS = 60_000;

/**
 * Everything a replay loads: the simulation (followed live until it completes), the design that
 * ran (the canvas shows at once), the series the first frame needs, the sampled traces, then the
 * other series. The first frame's series are asked for as soon as the run says its telemetry has
 * fully landed (`telemetryComplete`), without waiting for the design, which loads meanwhile; the
 * traces follow them, the other series (badges, tooltips) come last. A run that never says so
 * (stored before telemetry acknowledged anything) is shown after a minute with series that stop
 * short of its end asked for again every few seconds. Loads are remembered per simulation
 * (`remembered`), so coming back to the tab is instant.
 */
export function useReplayLoads(simulationId: string) {
  const live = useLiveSimulation(simulationId);
  const source = useRunSource();
  const simulation = live.simulation;
  const completed = simulation?.status === 'COMPLETED' ? simulation : undefined;
  const modelOf = (run: SimulationDto) => rememberedShared(`${run.id}:model`, () => loadReplayModel(source, run));
  // Not aborted when the view goes: a sample is a few hundred small traces, kept for the next visit.
  const tracesOf = (id: string) => rememberedShared(`${id}:traces`, () => loadTraceSample(source, id));
  const model = useAsync(() => (completed === undefined ? Promise.resolve(undefined) : modelOf(completed)), [source, completed?.id, completed?.status]);
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
    (signal) =>
      completed === undefined || !landed
        ? Promise.resolve(undefined)
        : remembered(
            `${completed.id}:first`,
            async () => {
              // Asked for while the page's code loaded, when the page was opened on this tab (app/route-prefetch.ts).
              const early = takePrefetched<FetchedSeries | undefined>(`replay-first-series:${completed.id}`)?.catch(() => undefined);
              const series = early ? early.then((answer) => answer ?? fetchReplaySeries(source, completed, FIRST_METRICS, signal)) : fetchReplaySeries(source, completed, FIRST_METRICS, signal);
              const [firstModel, fetched] = await Promise.all([modelOf(completed), series]);
              // The sampled traces are asked for now, while the first frame is built from the series
              // (asked for alongside them, they slowed both down on the embedded store).
              void tracesOf(completed.id).catch(() => undefined);
              return buildReplayData(firstModel, fetched);
            },
            isComplete,
          ),
    [source, completed?.id, landed],
  );
  // A reload keeps showing what was loaded before.
  const first = data.value;
  // The sample is asked for as soon as the first frame's series have been answered (above), before
  // the other series: on the embedded store (one database session) reads queue behind each other,
  // so whatever is asked alongside the first frame's series delays it.
  const tracesFrom = completed !== undefined && first !== undefined ? completed.id : undefined;
  const traces = useAsync((): Promise<TraceDto[] | undefined> => (tracesFrom === undefined ? Promise.resolve(undefined) : tracesOf(tracesFrom)), [source, tracesFrom]);
  // By what arrived, not by status: for one render after `tracesFrom` is set, the status is still that of the empty load before.
  const tracesSettled = tracesFrom !== undefined && (traces.value !== undefined || traces.status === 'error');
  const rest = useAsync(
    (signal) =>
      replay === undefined || first === undefined || !tracesSettled
        ? Promise.resolve(undefined)
        : remembered(`${replay.simulation.id}:all`, async () => buildReplayData(replay, await fetchReplaySeries(source, replay.simulation, LATER_METRICS, signal), first), isComplete),
    [source, replay, first, tracesSettled],
  );
  const loaded = rest.value ?? first;
  const retries = useRef(0);
  const waitingForSeries = (completed !== undefined && !landed) || (first !== undefined && !first.complete && retries.current < INCOMPLETE_RETRIES);

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
    /** Sampled traces, once the first frame's series are in. */
    traces: tracesFrom === undefined ? undefined : traces,
    /** The run's telemetry is still being stored (or its series stop short of the run's end and are asked for again). */
    waitingForSeries,
  };
}
