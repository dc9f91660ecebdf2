import type { SimulationStatusUpdate } from '@architech/contracts';
import { formatNumber } from './metric-format';
import { formatSimTime } from './sim-time';
import { waitingText } from './waiting-text';

/** Props of {@link ProgressPanel}. */
export interface ProgressPanelProps {
  /** 0–1 over the whole simulation. */
  readonly progress: number;
  /** The latest live event, when the stream has sent one. */
  readonly live: SimulationStatusUpdate | undefined;
  readonly durationSec: number;
  /** While PENDING: the run's place in its engine pool's queue (1 = next), when the API knows it. */
  readonly queuePosition?: number;
}

/** The live progress of a pending or running simulation: percentage, replication, simulated time, events. */
export function ProgressPanel({ progress, live, durationSec, queuePosition }: ProgressPanelProps) {
  const fraction = Math.min(1, Math.max(0, live?.progress ?? progress));
  const percent = Math.floor(fraction * 1000) / 10;
  const waiting = (live?.status ?? 'PENDING') === 'PENDING' && fraction === 0;
  return (
    <div className="progress-panel">
      <div className="progress-track" role="progressbar" aria-label="Simulation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={waiting ? 'waiting for an engine' : `${percent} %`}>
        <div className={`progress-fill ${waiting ? 'waiting' : ''}`} style={{ width: waiting ? '100%' : `${fraction * 100}%` }} />
      </div>
      <div className="progress-facts row" aria-live="polite">
        <strong>{waiting ? waitingText(queuePosition) : `${percent.toFixed(1)} %`}</strong>
        {live?.replications !== undefined && live.replication !== undefined && (
          <span>
            replication {live.replication + 1} of {live.replications}
          </span>
        )}
        {live?.simTimeMs !== undefined && (
          <span>
            simulated {formatSimTime(live.simTimeMs / 1000)} of {formatSimTime(durationSec)}
          </span>
        )}
        {live?.events !== undefined && <span>{formatNumber(live.events)} events</span>}
      </div>
    </div>
  );
}
