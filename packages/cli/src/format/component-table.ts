import type { ComponentSummary, Summary } from '@architech/sim-engine';
import { formatCount, formatFixed, formatPercent, MISSING } from './numbers';
import { renderTable, type Column } from './table';

/**
 * Utilization from which a component counts as overloaded: at ≥ 99% busy its queue grows for as
 * long as the run lasts, so its latency reflects the run's length rather than a steady state.
 */
export const OVERLOAD_UTILIZATION = 0.99;

const COLUMNS: readonly Column[] = [
  { header: 'id', align: 'left' },
  { header: 'type', align: 'left' },
  { header: 'arrivals', align: 'right' },
  { header: 'completions', align: 'right' },
  { header: 'errors', align: 'right' },
  { header: 'drops', align: 'right' },
  { header: 'timeouts', align: 'right' },
  { header: 'rejected', align: 'right' },
  { header: 'req/s', align: 'right' },
  { header: 'util %', align: 'right' },
  { header: 'queue', align: 'right' },
  { header: 'p50 ms', align: 'right' },
  { header: 'p99 ms', align: 'right' },
  { header: '', align: 'left' },
];

/** Whether a component's workers were busy practically all the time. */
export function isOverloaded(component: ComponentSummary): boolean {
  return component.utilization >= OVERLOAD_UTILIZATION;
}

function row(id: string, c: ComponentSummary): string[] {
  // A CLIENT has no workers and no queue: its zeros would read as measurements.
  const hasWorkers = c.type !== 'CLIENT';
  return [
    id,
    c.type,
    formatCount(c.arrivals),
    formatCount(c.completions),
    formatCount(c.errors),
    formatCount(c.drops),
    formatCount(c.timeouts),
    formatCount(c.rejected),
    formatFixed(c.throughput, 2),
    hasWorkers ? formatPercent(c.utilization) : MISSING,
    hasWorkers ? formatFixed(c.meanQueueLength, 2) : MISSING,
    formatFixed(c.latency.p50, 2),
    formatFixed(c.latency.p99, 2),
    isOverloaded(c) ? 'OVERLOADED' : '',
  ];
}

/**
 * The per-component table of a summary, in the design's order, followed by a note explaining
 * the overload mark when a component carries it.
 */
export function renderComponentTable(summary: Summary): string[] {
  const entries = Object.entries(summary.components);
  const lines = ['Components', ...renderTable(COLUMNS, entries.map(([id, c]) => row(id, c)))];
  if (entries.some(([, c]) => isOverloaded(c))) {
    lines.push(`  OVERLOADED: utilization ≥ ${OVERLOAD_UTILIZATION * 100}%; its queue keeps growing, so its latency depends on the run length.`);
  }
  return lines;
}
