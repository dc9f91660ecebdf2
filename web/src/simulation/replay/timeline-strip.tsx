import { memo, useMemo, type PointerEvent as ReactPointerEvent, type Ref } from 'react';
import { formatPercent } from '../metric-format';
import { FAULT_COLOURS, type FaultWindow } from './fault-windows';
import { formatClock, timeTicks } from './replay-time';

/** Height of a fault lane, px. */
const LANE_PX = 16;
/** Sparkline and time axis under the lanes, px. */
const SPARK_AND_AXIS_PX = 36;
/** The sparkline's scale never goes below this error rate, so a trickle of errors does not fill it. */
const MIN_SPARK_SCALE = 0.05;
const MAX_TICKS = 10;

/** Props of {@link TimelineStrip}. */
export interface TimelineStripProps {
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly faults: readonly FaultWindow[];
  /** End-to-end error rate per bucket, 0–1. */
  readonly errorRate: Float32Array;
  /** What the canvas calls a fault's target. */
  readonly nameOf: (id: string) => string;
  /** The playhead; the frame loop moves it (`transform`), React never does. */
  readonly cursorRef: Ref<HTMLDivElement>;
  /** A click or drag on the strip: go to that simulated time. */
  readonly onSeek: (sec: number) => void;
}

/**
 * The strip above the scrubber, aligned with it: the warm-up greyed, each fault window as a bar in
 * its type's colour (overlapping ones on separate lanes), the end-to-end error rate as a sparkline,
 * a time axis and the playhead. Mouse users can click or drag on it; it is hidden from assistive
 * technology, for which the range input and its `aria-valuetext` carry the same facts.
 */
export const TimelineStrip = memo(function TimelineStrip(props: TimelineStripProps) {
  const { durationSec, warmupSec, faults, errorRate, nameOf, cursorRef, onSeek } = props;
  const lanes = faults.reduce((n, f) => Math.max(n, f.lane + 1), 0);
  const pct = (sec: number) => `${(100 * Math.min(durationSec, Math.max(0, sec))) / durationSec}%`;
  const spark = useMemo(() => sparkline(errorRate), [errorRate]);
  const ticks = useMemo(() => timeTicks(durationSec, MAX_TICKS), [durationSec]);

  const seekAt = (event: ReactPointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onSeek((Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * durationSec));
  };

  return (
    <div
      className="replay-timeline"
      aria-hidden="true"
      style={{ ['--timeline-height' as string]: `${Math.max(1, lanes) * LANE_PX + SPARK_AND_AXIS_PX}px` }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        seekAt(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) seekAt(event);
      }}
    >
      {warmupSec > 0 && (
        <div className="replay-timeline__warmup" style={{ left: 0, width: pct(warmupSec) }} title={`Warm-up: ${formatClock(0)}–${formatClock(warmupSec)}, excluded from the statistics`}>
          warm-up
        </div>
      )}
      {faults.map((f, i) => (
        <div
          key={i}
          className="replay-timeline__fault"
          style={{ left: pct(f.startSec), width: `calc(${pct(f.endSec)} - ${pct(f.startSec)})`, top: f.lane * LANE_PX + 1, background: FAULT_COLOURS[f.type] }}
          title={`${f.label} on ${nameOf(f.target)}, ${formatClock(f.startSec)}–${formatClock(f.endSec)}`}
        >
          {f.label} · {nameOf(f.target)}
        </div>
      ))}
      <svg className="replay-timeline__spark" viewBox={`0 0 ${Math.max(1, errorRate.length)} 1`} preserveAspectRatio="none">
        <path d={spark.path} fill="rgba(220, 38, 38, 0.18)" stroke="#dc2626" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      </svg>
      <span className="replay-timeline__spark-label">{spark.peak > 0 ? `errors, peak ${formatPercent(spark.peak)}` : 'no errors'}</span>
      <div className="replay-timeline__axis">
        {ticks.map((t) => (
          <span key={t} className="replay-timeline__tick" style={{ left: pct(t) }}>
            {formatClock(t)}
          </span>
        ))}
      </div>
      <div className="replay-timeline__cursor" ref={cursorRef} />
    </div>
  );
});

/** An area path of the error rate, one step per bucket, in a `buckets × 1` box (y down). */
function sparkline(rate: Float32Array): { path: string; peak: number } {
  let peak = 0;
  for (const r of rate) peak = Math.max(peak, r);
  const scale = Math.max(peak, MIN_SPARK_SCALE);
  const parts = ['M0 1'];
  for (let b = 0; b < rate.length; b++) {
    const y = (1 - rate[b]! / scale).toFixed(3);
    parts.push(`L${b} ${y}L${b + 1} ${y}`);
  }
  parts.push(`L${rate.length} 1Z`);
  return { path: parts.join(''), peak };
}
