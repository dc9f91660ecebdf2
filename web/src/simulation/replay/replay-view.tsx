import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SimulationDto } from '@architech/contracts';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { useAsync } from '../../ui/use-async';
import { useLiveSimulation } from '../use-live-simulation';
import { useSimTime } from '../use-sim-time';
import { ActiveFaults } from './active-faults';
import type { ColourMode } from './heat-scale';
import type { ReplayData, ReplayModel } from './load-replay';
import { ReplayControls } from './replay-controls';
import { attachReplayGestures } from './replay-gestures';
import { ReplayLegend } from './replay-legend';
import type { PlayerSnapshot, ReplayPlayer } from './replay-player';
import { installReplayTestHook } from './replay-test-hook';
import { ReplayTooltip, type ReplayHover } from './replay-tooltip';
import { dotTrackOf } from './request-dots';
import { useReplayKeyboard } from './use-replay-keyboard';
import { useReplayLoads } from './use-replay-loads';
import { useReplayPlayer } from './use-replay-player';
import './replay.css';

/** Props of {@link ReplayView}. */
export interface ReplayViewProps {
  readonly simulationId: string;
}

/**
 * A completed simulation replayed on its design: cards coloured by utilisation or error rate,
 * connections as wide as their throughput, sampled requests moving along them, breaker states,
 * replica counts and fault windows — over a scrubber of simulated time shared with the dashboards
 * through the URL's `t` (`useSimTime`). Loads the run, its design version and every component's
 * series once (one batch request for the first frame's metrics, one for the others) and the
 * sampled traces for the dots (`useReplayLoads`).
 * Publishes `window.__architechReplay` (see `replay-test-hook.ts`) while mounted.
 *
 * @example
 * <ReplayView simulationId={simulationId} />
 */
export function ReplayView({ simulationId }: ReplayViewProps) {
  const { live, simulation, model, data, rest, replay, loaded, traces, waitingForSeries } = useReplayLoads(simulationId);

  const hostRef = useRef<HTMLDivElement>(null);
  const [t, setT] = useSimTime();
  const player = useReplayPlayer(replay, hostRef, setT, t);
  const snapshot = usePlayerSnapshot(player);
  const [hover, setHover] = useState<ReplayHover>();
  const tracesLoaded = useRef(false);
  const names = useMemo(() => namesOf(replay), [replay]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);

  useEffect(() => {
    if (player !== undefined && t !== undefined) player.follow(t);
  }, [player, t]);
  useEffect(() => {
    if (player !== undefined && loaded !== undefined) player.setData(loaded.series, loaded.flows);
  }, [player, loaded]);
  useEffect(() => {
    tracesLoaded.current = traces?.status === 'ready' && traces.value !== undefined;
    if (player !== undefined && replay !== undefined && traces?.value !== undefined) player.setTrack(dotTrackOf(traces.value, replay.scene.edges));
  }, [player, replay, traces?.status, traces?.value]);
  // `window.__architechReplay` only in the test build (`vite build --mode test-hooks`); production drops it.
  useEffect(() => (import.meta.env.MODE !== 'test-hooks' || player === undefined ? undefined : installReplayTestHook(player, () => tracesLoaded.current)), [player]);
  useEffect(() => {
    const host = hostRef.current;
    if (player === undefined || host === null) return;
    return attachReplayGestures(host, player.stage, {
      onHover: (card, at) => setHover(card < 0 ? undefined : { card, at, width: host.clientWidth, height: host.clientHeight }),
    });
  }, [player]);
  useReplayKeyboard(player);

  return (
    <section className="replay" aria-label="Simulation replay" data-testid="replay">
      <div className="replay__toolbar">
        <ColourModeToggle mode={snapshot.mode} onChange={(mode) => player?.setMode(mode)} disabled={player === undefined} />
        <span className="spacer" />
        {rest.status === 'error' && (
          <span className="replay__status" role="alert">
            Breaker, replica and queue series did not load.{' '}
            <button className="ghost" onClick={rest.reload}>
              Retry
            </button>
          </span>
        )}
        {waitingForSeries && (
          <span className="replay__status" role="status">
            <span className="spinner" aria-hidden="true" /> The run’s last seconds are still being stored…
          </span>
        )}
        <TraceStatus status={traces?.status} count={traces?.value?.length} />
        <button onClick={() => player?.stage.fit()} disabled={player === undefined} title="Fit the design in view (or double-click the canvas)">
          Fit
        </button>
      </div>
      <div className="replay__canvas" data-testid="replay-canvas">
        <div ref={hostRef} className="replay__stage" />
        {player !== undefined && replay !== undefined && loaded !== undefined && (
          <>
            <ActiveFaults player={player} faults={replay.faults} nameOf={nameOf} />
            <ReplayLegend mode={snapshot.mode} />
            <ReplayTooltip player={player} model={replay} data={loaded} hover={hover} />
          </>
        )}
        <ReplayMessage live={live} simulation={simulation} model={model} data={data} components={replay?.doc.components.length} />
      </div>
      {player !== undefined && replay !== undefined && loaded !== undefined && (
        <ReplayControls player={player} durationSec={replay.durationSec} warmupSec={replay.warmupSec} faults={replay.faults} errorRate={loaded.endToEndErrorRate} nameOf={nameOf} />
      )}
    </section>
  );
}

/** What the canvas calls each component (its name, else its id) and connection (`source → target`). */
function namesOf(replay: ReplayModel | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  if (replay === undefined) return names;
  for (const c of replay.doc.components) names.set(c.id, c.name || c.id);
  for (const c of replay.doc.connections) names.set(c.id, `${names.get(c.source) ?? c.source} → ${names.get(c.target) ?? c.target}`);
  return names;
}

const IDLE: PlayerSnapshot = { playing: false, speed: 1, mode: 'utilization' };
const noSubscription = () => () => undefined;

/** The player's play state, speed and colour mode (defaults before it exists). */
function usePlayerSnapshot(player: ReplayPlayer | undefined): PlayerSnapshot {
  return useSyncExternalStore(player?.subscribe ?? noSubscription, player?.getSnapshot ?? (() => IDLE));
}

function ColourModeToggle({ mode, onChange, disabled }: { mode: ColourMode; onChange: (mode: ColourMode) => void; disabled: boolean }) {
  const name = useId();
  const options: readonly [ColourMode, string][] = [
    ['utilization', 'Utilisation'],
    ['errorRate', 'Error rate'],
  ];
  return (
    <fieldset className="replay-segmented" disabled={disabled}>
      <legend>Colour by</legend>
      <div className="replay-segmented__group">
        {options.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={name} value={value} checked={mode === value} onChange={() => onChange(value)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TraceStatus({ status, count }: { status: 'loading' | 'ready' | 'error' | undefined; count: number | undefined }) {
  if (status === undefined) return null;
  if (status === 'loading') {
    return (
      <span className="replay__status" role="status">
        <span className="spinner" aria-hidden="true" /> Loading sampled requests…
      </span>
    );
  }
  if (status === 'error') return <span className="replay__status">Sampled requests unavailable: no dots</span>;
  return <span className="replay__status">{count === 0 ? 'No sampled requests in this run' : `${count} sampled requests`}</span>;
}

type Loaded<T> = ReturnType<typeof useAsync<T>>;

/**
 * What covers the canvas until the replay can play — loading, an error, or why there is nothing
 * yet — and, once the design shows, a small notice while its series load.
 */
function ReplayMessage(props: { live: ReturnType<typeof useLiveSimulation>; simulation: SimulationDto | undefined; model: Loaded<unknown>; data: Loaded<ReplayData | undefined>; components: number | undefined }) {
  const { live, simulation, model, data, components } = props;
  let message: ReactNode;
  if (simulation === undefined) {
    message = live.load.status === 'error' ? <ErrorMessage error={live.load.error} onRetry={live.load.reload} /> : <Loading label="Loading the simulation…" />;
  } else if ((live.state ?? simulation.status) === 'PENDING' || (live.state ?? simulation.status) === 'RUNNING') {
    message = (
      <div className="alert info" role="status">
        The replay opens when the run completes ({Math.round((live.live?.progress ?? simulation.progress) * 100)} % done).
      </div>
    );
  } else if (simulation.status !== 'COMPLETED') {
    message = (
      <div className="alert warning" role="status">
        This run {simulation.status === 'FAILED' ? `failed${simulation.error ? `: ${simulation.error}` : ''}` : 'was cancelled'}, so there is nothing to replay.
      </div>
    );
  } else if (model.status === 'error') {
    message = <ErrorMessage error={model.error} onRetry={model.reload} />;
  } else if (model.status === 'loading') {
    message = <Loading label="Loading the design…" />;
  } else if (data.status === 'error' && data.value === undefined) {
    message = <ErrorMessage error={data.error} onRetry={data.reload} />;
  } else if (data.status === 'loading' && data.value === undefined) {
    return (
      <div className="replay__notice" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the time series of {components ?? 'the'} components…
      </div>
    );
  }
  return message === undefined ? null : <div className="replay__overlay-message">{message}</div>;
}
