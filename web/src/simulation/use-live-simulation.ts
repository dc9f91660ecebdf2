import { createContext, useContext, useEffect, useState } from 'react';
import { FINAL_SIMULATION_STATES, type SimulationDto, type SimulationState, type SimulationStatusUpdate } from '@architech/contracts';
import { subscribeToStatus } from '../api/simulations';
import { useAsync, type AsyncState } from '../ui/use-async';
import { useRunSource } from './run-source';

/** Poll period when the live stream is unavailable. */
const POLL_MS = 2000;

/** A simulation and, while it runs, its latest live progress. */
export interface LiveSimulation {
  /** The load of the simulation itself (its error, a reload). */
  readonly load: AsyncState<SimulationDto> & { reload: () => void };
  /** The simulation asked for, once loaded. */
  readonly simulation: SimulationDto | undefined;
  /** The latest status event, while the run is not final. */
  readonly live: SimulationStatusUpdate | undefined;
  /** The state to show: the live one when newer than the loaded simulation. */
  readonly state: SimulationState | undefined;
}

/** A page's {@link LiveSimulation}, offered to the views below it (see {@link LiveSimulationProvider}). */
interface SharedLiveSimulation {
  readonly simulationId: string;
  readonly live: LiveSimulation;
}

const LiveSimulationContext = createContext<SharedLiveSimulation | undefined>(undefined);

/**
 * Offers a page's live simulation to the views below it: a view that follows the same simulation
 * (the replay) uses the page's load and stream instead of asking for the simulation again.
 */
export const LiveSimulationProvider = LiveSimulationContext.Provider;

/**
 * Loads a simulation and follows it until it is final: over Server-Sent Events, falling back to
 * polling when the stream fails (a shared run, which has no stream, is polled). Reloads the
 * simulation (summary, result) when it turns final. Below a {@link LiveSimulationProvider} for the
 * same simulation, it is the provider's, with no request of its own.
 */
export function useLiveSimulation(simulationId: string): LiveSimulation {
  const shared = useContext(LiveSimulationContext);
  const reuse = shared !== undefined && shared.simulationId === simulationId;
  const own = useOwnLiveSimulation(reuse ? undefined : simulationId);
  return reuse ? shared.live : own;
}

/** {@link useLiveSimulation} by itself; `undefined` asks for nothing. */
function useOwnLiveSimulation(simulationId: string | undefined): LiveSimulation {
  const source = useRunSource();
  const simulation = useAsync((signal) => (simulationId === undefined ? new Promise<SimulationDto>(() => undefined) : source.get(simulationId, signal)), [simulationId, source]);
  const [live, setLive] = useState<SimulationStatusUpdate>();
  const [streamFailed, setStreamFailed] = useState(false);
  const loaded = simulation.value?.id === simulationId ? simulation.value : undefined;
  const running = loaded !== undefined && !FINAL_SIMULATION_STATES.has(loaded.status);
  const { reload } = simulation;

  useEffect(() => {
    setLive(undefined);
    setStreamFailed(false);
  }, [simulationId]);

  const polled = streamFailed || source.shared;
  useEffect(() => {
    if (!running || polled || simulationId === undefined) return;
    return subscribeToStatus(
      simulationId,
      (event) => {
        setLive(event);
        if (FINAL_SIMULATION_STATES.has(event.status)) reload();
      },
      () => setStreamFailed(true),
    );
  }, [simulationId, running, polled, reload]);

  useEffect(() => {
    if (!running || !polled) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, polled, reload]);

  const current = live?.id === simulationId && running ? live : undefined;
  return { load: simulation, simulation: loaded, live: current, state: current?.status ?? loaded?.status };
}
