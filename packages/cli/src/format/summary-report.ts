import type { EndToEndSummary, FaultWindow, SimulationResult } from '@architech/sim-engine';
import { renderComponentTable } from './component-table';
import { formatCount, formatFixed, formatPercent, formatSeconds, formatWallTime } from './numbers';
import { renderTable, type Column } from './table';

const LATENCY_KEYS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function header(result: SimulationResult, designFile: string): string[] {
  const { settings } = result;
  const warmup = `warm-up ${formatSeconds(settings.warmupSec)}${settings.warmupMode === 'auto' ? ' (detected)' : ''}`;
  const perSecond = result.wallMs > 0 ? ` (${formatFixed(result.events / (result.wallMs / 1000), 0)} events/s)` : '';
  const lines = [
    `Simulated ${designFile} for ${formatSeconds(settings.durationSec)} · ${warmup} · seed ${settings.seed} · ${plural(result.replications, 'replication')}`,
    `${plural(result.events, 'event')} in ${formatWallTime(result.wallMs)}${perSecond}`,
  ];
  const rule = result.stoppingRule;
  if (rule) {
    const verdict = rule.achieved ? 'reached' : `not reached within ${plural(result.replications, 'replication')}`;
    lines.push(`Target relative error ${formatPercent(rule.targetRelError)}%: ${verdict} (widest 95% CI: ±${formatPercent(rule.maxRelativeHalfWidth)}% of the mean)`);
  }
  return lines;
}

/** `value ± half-width` when there is a confidence interval, the value alone otherwise. */
function withCi(value: number, halfWidth: number | undefined, decimals: number): string {
  return halfWidth === undefined ? formatFixed(value, decimals) : `${formatFixed(value, decimals)} ± ${formatFixed(halfWidth, decimals)}`;
}

function endToEnd(e2e: EndToEndSummary, ci: EndToEndSummary | undefined): string[] {
  const latencyColumns: Column[] = [{ header: 'latency ms', align: 'left' }, ...LATENCY_KEYS.map((k): Column => ({ header: k, align: 'right' }))];
  const latencyRows = [['', ...LATENCY_KEYS.map((k) => formatFixed(e2e.latency[k], 2))]];
  if (ci) latencyRows.push(['95% CI ±', ...LATENCY_KEYS.map((k) => formatFixed(ci.latency[k], 2))]);
  return [
    'End to end',
    `  requests    ${formatCount(e2e.requests)} (${formatCount(e2e.completions)} completed, ${formatCount(e2e.errors)} failed)`,
    `  throughput  ${withCi(e2e.throughput, ci?.throughput, 2)} req/s`,
    `  error rate  ${withCi(e2e.errorRate * 100, ci === undefined ? undefined : ci.errorRate * 100, 2)} %`,
    ...renderTable(latencyColumns, latencyRows),
  ];
}

function faultWindows(faults: readonly FaultWindow[]): string[] {
  if (faults.length === 0) return ['Faults: none'];
  const rows = faults.map((f) => [
    f.type,
    f.target,
    `${formatSeconds(f.startSec)} → ${formatSeconds(f.endSec)}`,
    Object.entries(f.params).map(([k, v]) => `${k}=${v}`).join(' '),
  ]);
  const columns: Column[] = ['fault', 'target', 'window', 'parameters'].map((h): Column => ({ header: h, align: 'left' }));
  return ['Faults', ...renderTable(columns, rows)];
}

function kept(result: SimulationResult): string {
  const dropped = result.logsDropped > 0 ? `, ${formatCount(result.logsDropped)} more not kept` : '';
  const from = result.replications > 1 ? ' (first replication)' : '';
  return `Kept ${plural(result.traces.length, 'trace')} and ${plural(result.logs.length, 'log record')}${dropped}${from}; use --json to see them.`;
}

/**
 * The human-readable report of a run: what was run, the end-to-end figures (with 95% confidence
 * half-widths when there were replications), one row per component, the fault windows and how
 * many traces and logs were kept.
 *
 * @param designFile the design file as the user named it
 */
export function renderSummaryReport(result: SimulationResult, designFile: string): string {
  const sections = [
    header(result, designFile),
    endToEnd(result.summary.endToEnd, result.ci95?.endToEnd),
    renderComponentTable(result.summary),
    faultWindows(result.faults),
    [kept(result)],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
