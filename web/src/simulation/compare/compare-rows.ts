import type { SimulationSummaryDto } from '@architech/contracts';
import type { Unit } from '../metric-format';

/** Which direction of change is an improvement. */
export type Better = 'higher' | 'lower' | 'neither';

/** One metric of two runs. */
export interface CompareRow {
  /** `End to end` or a component's name. */
  readonly group: string;
  readonly label: string;
  readonly unit: Unit;
  readonly better: Better;
  /** Undefined when the run has no such metric (a component only one design has). */
  readonly a: number | undefined;
  readonly b: number | undefined;
  /** 95% half-widths, with replications. */
  readonly ciA: number | undefined;
  readonly ciB: number | undefined;
}

/** How B compares with A on one metric. */
export interface Delta {
  /** B − A. */
  readonly absolute: number;
  /** (B − A) / |A|; undefined when A is 0. */
  readonly relative: number | undefined;
  /**
   * `within-noise`: both runs have confidence intervals and the difference is smaller than their
   * combined half-width (√(hA² + hB²)), so it may well be chance. `changed`: a metric with no
   * better direction (utilisation) moved.
   */
  readonly verdict: 'better' | 'worse' | 'same' | 'within-noise' | 'negligible' | 'changed';
}

/** Relative differences below this are rounding, not change. */
const SAME = 1e-9;
/** Without confidence intervals, a relative change smaller than this is not called better or worse. */
export const NEGLIGIBLE_CHANGE = 0.01;

/**
 * Every headline metric of two results, end to end first, then per component (in A's order, then
 * components only B has): utilisation (where a component has workers), p95 latency, errors, drops.
 * `nameOf` turns a component id into its name.
 */
export function compareRows(
  a: SimulationSummaryDto,
  b: SimulationSummaryDto,
  ciA: SimulationSummaryDto | undefined,
  ciB: SimulationSummaryDto | undefined,
  nameOf: (id: string) => string = (id) => id,
): CompareRow[] {
  const rows: CompareRow[] = [];
  const add = (group: string, label: string, unit: Unit, better: Better, pick: (s: SimulationSummaryDto) => number | undefined) => {
    rows.push({ group, label, unit, better, a: pick(a), b: pick(b), ciA: ciA && pick(ciA), ciB: ciB && pick(ciB) });
  };
  const e2e = 'End to end';
  add(e2e, 'throughput', 'rate', 'higher', (s) => s.endToEnd.throughput);
  add(e2e, 'error rate', 'ratio', 'lower', (s) => s.endToEnd.errorRate);
  for (const q of ['mean', 'p50', 'p95', 'p99', 'max'] as const) add(e2e, `latency ${q}`, 'ms', 'lower', (s) => s.endToEnd.latency[q]);
  const ids = [...Object.keys(a.components), ...Object.keys(b.components).filter((id) => !(id in a.components))];
  for (const id of ids) {
    const group = nameOf(id);
    const type = a.components[id]?.type ?? b.components[id]?.type;
    // Clients and load balancers have no workers: their utilisation is always 0.
    if (type !== 'CLIENT' && type !== 'LOAD_BALANCER') add(group, 'utilisation', 'ratio', 'neither', (s) => s.components[id]?.utilization);
    add(group, 'latency p95', 'ms', 'lower', (s) => s.components[id]?.latency.p95);
    add(group, 'errors', 'count', 'lower', (s) => s.components[id]?.errors);
    add(group, 'drops', 'count', 'lower', (s) => s.components[id]?.drops);
  }
  return rows;
}

/** B against A on one row; undefined when either run lacks the metric. */
export function deltaOf(row: CompareRow): Delta | undefined {
  if (row.a === undefined || row.b === undefined) return undefined;
  const absolute = row.b - row.a;
  const relative = row.a === 0 ? undefined : absolute / Math.abs(row.a);
  const scale = Math.max(Math.abs(row.a), Math.abs(row.b));
  if (Math.abs(absolute) <= SAME * scale) return { absolute: 0, relative: row.a === 0 ? undefined : 0, verdict: 'same' };
  if (row.ciA !== undefined && row.ciB !== undefined && Math.abs(absolute) <= Math.hypot(row.ciA, row.ciB)) return { absolute, relative, verdict: 'within-noise' };
  if (row.ciA === undefined && relative !== undefined && Math.abs(relative) < NEGLIGIBLE_CHANGE) return { absolute, relative, verdict: 'negligible' };
  if (row.better === 'neither') return { absolute, relative, verdict: 'changed' };
  const improved = row.better === 'higher' ? absolute > 0 : absolute < 0;
  return { absolute, relative, verdict: improved ? 'better' : 'worse' };
}
