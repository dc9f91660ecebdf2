import { memo, useCallback, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { isActive, type FaultWindow } from './fault-windows';
import { PLAYBACK_SPEEDS } from './playback-clock';
import type { ReplayPlayer } from './replay-player';
import { formatClock, spokenTime } from './replay-time';
import { TimelineStrip } from './timeline-strip';

/** Positions the playhead can take along the timeline: about one per pixel of a wide screen. */
const PLAYHEAD_STEPS = 2000;

/** Props of {@link ReplayControls}. */
export interface ReplayControlsProps {
  readonly player: ReplayPlayer;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly faults: readonly FaultWindow[];
  /** End-to-end error rate per bucket, for the timeline's sparkline. */
  readonly errorRate: Float32Array;
  /** What the canvas calls a component or connection. */
  readonly nameOf: (id: string) => string;
}

/**
 * The player bar under the replay canvas: the timeline strip and the scrubber over simulated time,
 * play/pause, ±1 s steps, the time readout and the speed. Keyboard: Space plays or pauses, ← and →
 * step a second (Shift: ten), wherever the focus is except in a text field (`useReplayKeyboard`).
 * Re-renders only when play state or speed change: the frame loop moves the scrubber, the playhead
 * and the readout directly.
 */
export const ReplayControls = memo(function ReplayControls(props: ReplayControlsProps) {
  const { player, durationSec, warmupSec, faults, errorRate, nameOf } = props;
  const { playing, speed } = useSyncExternalStore(player.subscribe, player.getSnapshot);
  const rangeRef = useRef<HTMLInputElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const speedId = useId();
  const total = formatClock(durationSec);

  useEffect(() => {
    let shownSecond = -1;
    let shownStep = -1;
    return player.onFrame((t) => {
      // The scrubber and playhead move in steps of 1/PLAYHEAD_STEPS of the run (about a pixel):
      // finer writes would only restyle them without moving anything on screen.
      const step = Math.round((t / durationSec) * PLAYHEAD_STEPS);
      if (step !== shownStep) {
        shownStep = step;
        if (rangeRef.current !== null) rangeRef.current.value = String(t);
        if (cursorRef.current !== null) cursorRef.current.style.transform = `translateX(${(100 * step) / PLAYHEAD_STEPS}%)`;
      }
      const second = Math.floor(t + 1e-6);
      if (second === shownSecond) return;
      shownSecond = second;
      if (timeRef.current !== null) timeRef.current.textContent = formatClock(t);
      rangeRef.current?.setAttribute('aria-valuetext', valueText(t, durationSec, faults, nameOf));
    });
  }, [player, durationSec, faults, nameOf]);

  const seek = useCallback((sec: number) => player.seek(sec), [player]);

  return (
    <div className="replay-controls">
      <div className="replay-scrubber">
        <TimelineStrip durationSec={durationSec} warmupSec={warmupSec} faults={faults} errorRate={errorRate} nameOf={nameOf} cursorRef={cursorRef} onSeek={seek} />
        <input
          ref={rangeRef}
          type="range"
          min={0}
          max={durationSec}
          step="any"
          defaultValue={0}
          aria-label="Simulated time"
          onInput={(event) => player.seek(Number(event.currentTarget.value))}
        />
      </div>
      <div className="replay-controls__row">
        <button className="icon" onClick={() => player.step(-1)} aria-label="Back one second" title="Back 1 s (←, Shift+← 10 s)">
          <StepIcon back />
        </button>
        <button className={`replay-controls__play ${playing ? '' : 'primary'}`} onClick={() => player.toggle()} aria-label={playing ? 'Pause' : 'Play'} title={`${playing ? 'Pause' : 'Play'} (Space)`}>
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button className="icon" onClick={() => player.step(1)} aria-label="Forward one second" title="Forward 1 s (→, Shift+→ 10 s)">
          <StepIcon />
        </button>
        {/* A timer is not announced as it changes: the scrubber's aria-valuetext is, once a second. */}
        <span className="replay-controls__time" role="timer">
          <strong ref={timeRef}>00:00</strong> <span>/ {total}</span>
        </span>
        <span className="spacer" />
        <span className="replay-controls__hint" aria-hidden="true">
          <kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> ±1 s · drag to pan, wheel to zoom
        </span>
        <label className="replay-controls__speed" htmlFor={speedId}>
          Speed
          <select id={speedId} value={speed} onChange={(event) => player.setSpeed(Number(event.target.value))}>
            {PLAYBACK_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
});

/** What a screen reader hears for the scrubber: the time, the run's length and the faults in effect. */
function valueText(t: number, durationSec: number, faults: readonly FaultWindow[], nameOf: (id: string) => string): string {
  const active = faults.filter((f) => isActive(f, t)).map((f) => `${f.label} on ${nameOf(f.target)}`);
  return `${spokenTime(t)} of ${spokenTime(durationSec)}${active.length > 0 ? `, during ${active.join(' and ')}` : ''}`;
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 2.5v11l9.5-5.5z" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />
    </svg>
  );
}

function StepIcon({ back = false }: { back?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" style={back ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M3 3v10l7-5zM11 3h2v10h-2z" />
    </svg>
  );
}
