import type { SimulationDto } from '@architech/contracts';
import type { Columns } from './align-series';
import type { ChartSpec } from './chart-catalog';

/**
 * What a chart should show of the stored values: a latency of 0 is a bucket in which no request
 * succeeded (during a crash) — a gap, not a fast moment; the replicas of a component a crash took
 * down entirely count 0, not the replicas it has when up.
 */
export function chartValues(columns: Columns, spec: Pick<ChartSpec, 'lines'>, downWindows: ReadonlyMap<string, readonly (readonly [number, number])[]>): Columns {
  const [xs, ...ys] = columns;
  const out = ys.map((column, i) => {
    const line = spec.lines[i]!;
    if (line.metric.startsWith('latency')) return column.map((v) => (v === 0 ? null : v));
    const windows = line.metric === 'replicas' ? downWindows.get(line.componentId) : undefined;
    if (!windows || windows.length === 0) return column;
    return column.map((v, k) => (v !== null && windows.some(([from, to]) => xs[k]! >= from && xs[k]! < to) ? 0 : v));
  });
  return [xs, ...out];
}

/** The windows in which a crash without a replica count took all of a component's replicas down. */
export function wholeCrashWindows(simulation: Pick<SimulationDto, 'configuration' | 'result'>): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const duration = simulation.configuration.durationSec;
  for (const f of simulation.configuration.faults) {
    if (f.type !== 'crash' || f.replicas !== undefined) continue;
    const list = out.get(f.target) ?? [];
    list.push([f.startSec, Math.min(duration, f.startSec + (f.durationSec ?? duration))]);
    out.set(f.target, list);
  }
  return out;
}