import { describeCondition, type CriterionEvidenceDto, type EvidenceDto, type HypothesisMetric, type RequirementVerdict } from '@architech/contracts';
import { renderTable } from '../format/table';

/** passed when every requirement passed; failed when any failed; else inconclusive. */
export function overallVerdict(evidence: readonly EvidenceDto[]): RequirementVerdict {
  if (evidence.some((e) => e.verdict === 'failed')) return 'failed';
  return evidence.every((e) => e.verdict === 'passed') ? 'passed' : 'inconclusive';
}

const PERCENT_METRICS = new Set(['errorRate', 'utilization']);
const UNITS: Record<string, string> = { recoverySec: ' s', throughputPerSec: ' req/s', meanQueueLength: '', arrivals: '', completions: '', errors: '', drops: '', timeouts: '' };

function number(metric: string, v: number): string {
  if (PERCENT_METRICS.has(metric)) return `${+(v * 100).toFixed(2)}%`;
  const unit = UNITS[metric] ?? ' ms';
  return `${+v.toFixed(Math.abs(v) >= 100 ? 0 : 2)}${unit}`;
}

/** `212 ms ± 8.1`, `0.8% ± 0.1%`, `never recovered`, `–`. */
export function measured(c: CriterionEvidenceDto): string {
  const { metric } = c.criterion;
  if (c.mean === null) return c.values.length > 0 && c.values.every((v) => v === null) && metric === 'recoverySec' ? 'never recovered' : '–';
  if (!Number.isFinite(c.mean)) return 'never recovered';
  const mean = number(metric, c.mean);
  if (c.halfWidth === null) return mean;
  return `${mean} ± ${number(metric, c.halfWidth).replace(/ (ms|s|req\/s)$/, '')}`;
}

/** `p99 < 300 ms`, `db utilization < 80%`, `error rate (fault) < 5%`, `recovery ≤ 30 s`. */
export function describeCriterion(criterion: CriterionEvidenceDto['criterion']): string {
  const where = criterion.window === undefined || criterion.window === 'steady' ? '' : typeof criterion.window === 'string' ? ` (${criterion.window})` : ` (${criterion.window.fromSec}–${criterion.window.toSec} s)`;
  const prefix = criterion.component ? `${criterion.component} ` : '';
  const known = ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'latencyMeanMs', 'errorRate', 'throughputPerSec'];
  const text = known.includes(criterion.metric)
    ? describeCondition({ metric: criterion.metric as HypothesisMetric, op: criterion.op, value: criterion.value })
    : `${criterion.metric} ${criterion.op} ${number(criterion.metric, criterion.value)}`;
  const at = text.lastIndexOf(` ${criterion.op} `);
  return `${prefix}${text.slice(0, at)}${where}${text.slice(at)}`;
}

function verdictCell(c: CriterionEvidenceDto): string {
  if (c.verdict !== 'inconclusive') return c.verdict.toUpperCase();
  return c.replicationsNeeded ? `INCONCLUSIVE (~${c.replicationsNeeded} replications)` : 'INCONCLUSIVE';
}

/** The readable report: one row per criterion, then a line per requirement and the overall verdict. */
export function renderCheckReport(evidence: readonly EvidenceDto[], source: string): string {
  const rows: string[][] = [];
  for (const e of evidence) {
    e.criteria.forEach((c, i) => rows.push([i === 0 ? e.requirementId : '', describeCriterion(c.criterion), measured(c), verdictCell(c)]));
    if (e.error) rows.push([e.requirementId, e.error, '', 'FAILED']);
  }
  const table = renderTable(
    [
      { header: 'requirement', align: 'left' },
      { header: 'criterion', align: 'left' },
      { header: 'measured (95% CI)', align: 'right' },
      { header: 'verdict', align: 'left' },
    ],
    rows,
  );
  const lines = evidence.map((e) => `  ${e.requirementId} ${e.verdict.toUpperCase()}${e.flaky ? ' (flaky: verdicts differ across seeds)' : ''}  ${e.statement}  [seeds ${e.seeds.join(', ')}]`);
  const counts = (['passed', 'failed', 'inconclusive'] as const).map((v) => `${evidence.filter((e) => e.verdict === v).length} ${v}`).join(', ');
  return [`checks of ${source}`, '', ...table, '', ...lines, '', `${overallVerdict(evidence).toUpperCase()}: ${counts}`, ''].join('\n');
}
