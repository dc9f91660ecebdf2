import type { FaultType, SimulationDto } from '@architech/contracts';

/** A shaded window of simulated time on every chart. */
export interface Annotation {
  readonly kind: 'warmup' | FaultType;
  readonly startSec: number;
  readonly endSec: number;
  readonly label: string;
  /** Label row, so that the labels of overlapping windows do not overwrite each other. */
  readonly lane: number;
}

/**
 * The warm-up (excluded from the statistics) and the fault windows of a run. A completed run
 * reports what happened (the detected warm-up with `"auto"`, faults clipped to the run); before
 * that the configuration says what is planned (an `"auto"` warm-up is not known yet).
 * `nameOf` turns a target id into what the canvas calls it.
 */
export function annotationsOf(simulation: Pick<SimulationDto, 'configuration' | 'result'>, nameOf: (id: string) => string = (id) => id): Annotation[] {
  const { configuration, result } = simulation;
  const durationSec = configuration.durationSec;
  const warmupSec = result?.settings.warmupSec ?? (typeof configuration.warmupSec === 'number' ? configuration.warmupSec : 0);
  const faults = result
    ? result.faults.map((f) => ({ type: f.type, target: f.target, startSec: f.startSec, endSec: f.endSec }))
    : configuration.faults.map((f) => ({ type: f.type, target: f.target, startSec: f.startSec, endSec: Math.min(durationSec, f.startSec + (f.durationSec ?? durationSec)) }));
  const windows: Omit<Annotation, 'lane'>[] = [];
  if (warmupSec > 0) windows.push({ kind: 'warmup', startSec: 0, endSec: warmupSec, label: 'warm-up' });
  for (const f of faults) {
    if (f.startSec < durationSec) windows.push({ kind: f.type, startSec: f.startSec, endSec: f.endSec, label: `${f.type.replace('_', ' ')} · ${nameOf(f.target)}` });
  }
  return assignLanes(windows);
}

/** Greedy interval colouring: each window takes the first lane whose previous window has ended. */
function assignLanes(windows: Omit<Annotation, 'lane'>[]): Annotation[] {
  const laneEnds: number[] = [];
  return [...windows]
    .sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec)
    .map((w) => {
      let lane = laneEnds.findIndex((end) => end <= w.startSec);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = w.endSec;
      return { ...w, lane };
    });
}
