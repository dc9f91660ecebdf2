import type { ComponentSummary, EndToEndSummary } from '../metrics/summary';
import { recoverySec } from './recovery';
import type { CheckCriterion, CriterionOutcome, ReplicationObservation, RequirementOutcome, RequirementVerdict } from './types';
import { holds, intervalVerdict } from './verdict';
import { bucketsIn, resolveWindow, seriesMetric } from './windows';

/** The most replications a check may use; replicationsNeeded beyond it is reported as null. */
export const MAX_CHECK_REPLICATIONS = 30;

function summaryMetric(s: EndToEndSummary | ComponentSummary, metric: string): number {
  switch (metric) {
    case 'latencyP50Ms':
      return s.latency.p50;
    case 'latencyP95Ms':
      return s.latency.p95;
    case 'latencyP99Ms':
      return s.latency.p99;
    case 'latencyMeanMs':
      return s.latency.mean;
    case 'latencyMaxMs':
      return s.latency.max;
    case 'errorRate':
      return 'errorRate' in s ? s.errorRate : s.errors + s.completions > 0 ? s.errors / (s.errors + s.completions) : 0;
    case 'throughputPerSec':
      return s.throughput;
    case 'utilization':
    case 'meanQueueLength':
    case 'arrivals':
    case 'drops':
    case 'timeouts':
      return 'utilization' in s ? s[metric] : NaN;
    case 'completions':
    case 'errors':
      return s[metric];
    default:
      throw new RangeError(`unknown check metric '${metric}'`);
  }
}

/** One criterion measured on one replication, with why it has no value when it has none. */
export function measure(criterion: CheckCriterion, obs: ReplicationObservation): { value: number; note?: string } {
  if (criterion.metric === 'recoverySec') {
    const r = recoverySec(obs);
    return { value: r.seconds, note: r.note };
  }
  const window = criterion.window ?? 'steady';
  if (window === 'steady') {
    const s = criterion.component === undefined ? obs.summary.endToEnd : obs.summary.components[criterion.component];
    if (!s) return { value: NaN, note: `no component '${criterion.component}' in the result` };
    return { value: summaryMetric(s, criterion.metric) };
  }
  const span = resolveWindow(window, obs);
  if (!span) return { value: NaN, note: `the ${typeof window === 'string' ? window : 'given'} window is empty in this run` };
  const series = criterion.component === undefined ? obs.timeseries.endToEnd : obs.timeseries.components[criterion.component];
  if (!series) return { value: NaN, note: `no series of component '${criterion.component}'` };
  const idx = bucketsIn(span, obs.timeseries.bucketSec, series.completions.length);
  if (idx.length === 0) return { value: NaN, note: 'the window is narrower than one bucket' };
  return { value: seriesMetric(series, idx, obs.timeseries.bucketSec, criterion.metric) };
}

/** A criterion over every replication. */
export function evaluateCriterion(criterion: CheckCriterion, observations: readonly ReplicationObservation[]): CriterionOutcome {
  const measured = observations.map((o) => measure(criterion, o));
  const values = measured.map((m) => m.value);
  const v = intervalVerdict(values, criterion.op, criterion.value, MAX_CHECK_REPLICATIONS);
  const outcome: CriterionOutcome = {
    criterion,
    mean: v.mean,
    halfWidth: v.halfWidth,
    values: values.map((x) => (Number.isNaN(x) ? null : x)),
    perSeed: values.map((x) => holds(x, criterion.op, criterion.value)),
    verdict: v.verdict,
  };
  if (v.replicationsNeeded !== undefined) outcome.replicationsNeeded = v.replicationsNeeded;
  const note = measured.find((m) => m.note)?.note;
  if (note) outcome.note = note;
  return outcome;
}

/** passed when every criterion passes, failed when any fails, otherwise inconclusive. */
export function combineVerdicts(verdicts: readonly ('pass' | 'fail' | 'inconclusive')[]): RequirementVerdict {
  if (verdicts.includes('fail')) return 'failed';
  return verdicts.every((v) => v === 'pass') ? 'passed' : 'inconclusive';
}

/**
 * A requirement against the replications of its scenario (one observation per seed): every
 * criterion's verdict, the requirement's, and whether it is flaky (some criterion holds on some
 * seeds and not on others).
 */
export function evaluateRequirement(criteria: readonly CheckCriterion[], observations: readonly ReplicationObservation[]): RequirementOutcome {
  const outcomes = criteria.map((c) => evaluateCriterion(c, observations));
  const flaky = outcomes.some((o) => o.perSeed.some((p) => p !== o.perSeed[0]));
  return { verdict: combineVerdicts(outcomes.map((o) => o.verdict)), criteria: outcomes, flaky, seeds: observations.map((o) => o.seed) };
}
