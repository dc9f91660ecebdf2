import { getSession } from '../api/session';
import { runReads } from '../api/run-reads';
import { prefetched } from '../simulation/prefetched';
import { fetchReplaySeries } from '../simulation/replay/fetch-replay-series';
import { loadTraceSample } from '../simulation/replay/load-trace-sample';
import { rememberedShared } from '../simulation/replay/replay-cache';
import { FIRST_METRICS } from '../simulation/replay/replay-series';
import { matchPath } from './router';

/**
 * Asks for the data a page opened by its address shows first, while the page's code is still
 * loading (app.tsx's preloadRoute): for a run page, the simulation; on its Replay tab, also the first
 * frame's series once the run says its telemetry has landed, then the sampled traces. The views take
 * these answers instead of asking again (`takePrefetched`, `rememberedShared`). Only for a signed-in
 * member (a share link's page reads through its token, and a visitor without a session is sent to
 * sign in). Imports only `runReads` of the API client: this module is part of every page's first load.
 */
export function prefetchRoute(pathname: string, search: string): void {
  if (getSession() === undefined) return;
  const run = matchPath('/projects/:projectId/simulations/:simulationId', pathname);
  if (run === undefined) return;
  const simulationId = run.simulationId!;
  const simulation = prefetched(`simulation:${simulationId}`, runReads.get(simulationId));
  if (new URLSearchParams(search).get('tab') !== 'replay') return;
  const series = simulation.then((sim) => (sim.status === 'COMPLETED' && sim.telemetryComplete === true ? fetchReplaySeries(runReads, sim, FIRST_METRICS) : undefined));
  prefetched(`replay-first-series:${simulationId}`, series);
  // The traces after the series, as the replay itself orders them (use-replay-loads.ts).
  series.then(
    (answered) => {
      if (answered !== undefined) rememberedShared(`${simulationId}:traces`, () => loadTraceSample(runReads, simulationId)).catch(() => undefined);
    },
    () => undefined,
  );
}
