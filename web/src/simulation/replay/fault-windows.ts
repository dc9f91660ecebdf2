import type { FaultType, SimulationDto } from '@architech/contracts';
import { formatNumber, formatPercent } from '../metric-format';

/** A fault as the replay shows it: when, on what, and its label. */
export interface FaultWindow {
  readonly type: FaultType;
  /** A component or connection id. */
  readonly target: string;
  readonly startSec: number;
  /** Clipped to the run. */
  readonly endSec: number;
  /** The fault's numeric parameters (`replicas`, `delayMs`, `rate`, `factor`). */
  readonly params: Readonly<Record<string, number>>;
  /** What the fault does, e.g. `latency +200 ms`, `crash 2 replicas`. */
  readonly label: string;
  /** Row on the timeline, so overlapping windows do not hide each other. */
  readonly lane: number;
}

/** Colours of the fault types on the timeline (crash is the canvas's danger red). */
export const FAULT_COLOURS: Readonly<Record<FaultType, string>> = {
  crash: '#c62828',
  latency: '#7c3aed',
  error: '#e11d48',
  packet_loss: '#ea580c',
  partition: '#0f172a',
  slowdown: '#a16207',
};

/**
 * What a fault does, in the words an SRE would write on an incident timeline.
 *
 * @example faultLabel('latency', { delayMs: 200 }) === 'latency +200 ms'
 */
export function faultLabel(type: FaultType, params: Readonly<Record<string, number | undefined>>): string {
  switch (type) {
    case 'crash':
      return params.replicas === undefined ? 'crash' : `crash ${params.replicas} replica${params.replicas === 1 ? '' : 's'}`;
    case 'latency':
      return params.delayMs === undefined ? 'latency' : `latency +${formatNumber(params.delayMs)} ms`;
    case 'error':
      return `errors ${formatPercent(params.rate ?? 1)}`;
    case 'packet_loss':
      return params.rate === undefined ? 'packet loss' : `packet loss ${formatPercent(params.rate)}`;
    case 'partition':
      return 'partition';
    case 'slowdown':
      return `slowdown ×${formatNumber(params.factor ?? 2)}`;
  }
}

/**
 * The fault windows of a run: as they happened once it completed (`result.faults`, clipped to the
 * run), else as configured. Ordered by start, each with a timeline lane (greedy: the first lane
 * free by then).
 */
export function faultWindowsOf(simulation: Pick<SimulationDto, 'configuration' | 'result'>): FaultWindow[] {
  const durationSec = simulation.configuration.durationSec;
  const happened = simulation.result?.faults.map((f) => ({ type: f.type, target: f.target, startSec: f.startSec, endSec: f.endSec, params: f.params }));
  const planned = simulation.configuration.faults.map((f) => {
    const { type, target, startSec, durationSec: length, ...rest } = f;
    const params: Record<string, number> = {};
    for (const [key, value] of Object.entries(rest)) if (typeof value === 'number') params[key] = value;
    return { type, target, startSec, endSec: Math.min(durationSec, startSec + (length ?? durationSec)), params };
  });
  const laneEnds: number[] = [];
  return (happened ?? planned)
    .filter((f) => f.startSec < durationSec && f.endSec > f.startSec)
    .sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec)
    .map((f) => {
      let lane = laneEnds.findIndex((end) => end <= f.startSec);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = f.endSec;
      return { type: f.type, target: f.target, startSec: f.startSec, endSec: f.endSec, params: f.params, label: faultLabel(f.type, f.params), lane };
    });
}

/** Whether `window` is in effect at simulated time `t` (start included, end excluded). */
export function isActive(window: Pick<FaultWindow, 'startSec' | 'endSec'>, t: number): boolean {
  return t >= window.startSec && t < window.endSec;
}
