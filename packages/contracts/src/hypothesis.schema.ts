import { z } from 'zod';

/** End-to-end figures a steady-state hypothesis can speak about, with their units in the name. */
export const HYPOTHESIS_METRICS = ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'latencyMeanMs', 'errorRate', 'throughputPerSec'] as const;
export type HypothesisMetric = (typeof HYPOTHESIS_METRICS)[number];

/** One condition: `metric op value`, e.g. `latencyP99Ms < 300`; `errorRate` is a fraction (0.01 = 1%). */
export const hypothesisConditionSchema = z.strictObject({
  metric: z.enum(HYPOTHESIS_METRICS),
  op: z.enum(['<', '<=', '>', '>=']),
  value: z.number().min(0).max(1e12),
});
export type HypothesisCondition = z.output<typeof hypothesisConditionSchema>;

/**
 * A steady-state hypothesis (chaos engineering): conditions on the end-to-end result that must all
 * hold for the system to count as healthy despite the faults. Checked after the run.
 *
 * @example [{ "metric": "latencyP99Ms", "op": "<", "value": 300 }, { "metric": "errorRate", "op": "<", "value": 0.01 }]
 */
export const hypothesisSchema = z.array(hypothesisConditionSchema).max(20);

/** The end-to-end part of a result summary that a hypothesis reads. */
export interface HypothesisInput {
  endToEnd: { throughput: number; errorRate: number; latency: { mean: number; p50: number; p95: number; p99: number } };
}

/** How one condition fared. */
export interface ConditionOutcome {
  condition: HypothesisCondition;
  actual: number;
  holds: boolean;
}

/** Checks every condition against a run's summary; the hypothesis holds when all of them do. */
export function evaluateHypothesis(conditions: readonly HypothesisCondition[], summary: HypothesisInput): { holds: boolean; outcomes: ConditionOutcome[] } {
  const outcomes = conditions.map((condition) => {
    const actual = metricValue(condition.metric, summary);
    return { condition, actual, holds: compare(actual, condition.op, condition.value) };
  });
  return { holds: outcomes.every((o) => o.holds), outcomes };
}

function metricValue(metric: HypothesisMetric, { endToEnd: e }: HypothesisInput): number {
  switch (metric) {
    case 'latencyP50Ms':
      return e.latency.p50;
    case 'latencyP95Ms':
      return e.latency.p95;
    case 'latencyP99Ms':
      return e.latency.p99;
    case 'latencyMeanMs':
      return e.latency.mean;
    case 'errorRate':
      return e.errorRate;
    case 'throughputPerSec':
      return e.throughput;
  }
}

function compare(actual: number, op: HypothesisCondition['op'], value: number): boolean {
  // A run with no successful request has NaN latencies: no latency bound can be said to hold.
  if (!Number.isFinite(actual)) return false;
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
  }
}

const LABELS: Record<HypothesisMetric, { name: string; unit: string; percent?: boolean }> = {
  latencyP50Ms: { name: 'p50', unit: 'ms' },
  latencyP95Ms: { name: 'p95', unit: 'ms' },
  latencyP99Ms: { name: 'p99', unit: 'ms' },
  latencyMeanMs: { name: 'mean latency', unit: 'ms' },
  errorRate: { name: 'error rate', unit: '%', percent: true },
  throughputPerSec: { name: 'throughput', unit: 'req/s' },
};

/** A condition in words: `p99 < 300 ms`, `error rate < 1%`. */
export function describeCondition(condition: HypothesisCondition): string {
  const label = LABELS[condition.metric];
  const value = label.percent ? `${+(condition.value * 100).toFixed(3)}%` : `${condition.value} ${label.unit}`;
  return `${label.name} ${condition.op} ${value}`;
}

/** A metric's value as the conditions show it: `0.8%`, `212 ms`. */
export function formatHypothesisValue(metric: HypothesisMetric, value: number): string {
  const label = LABELS[metric];
  if (!Number.isFinite(value)) return '–';
  return label.percent ? `${+(value * 100).toFixed(2)}%` : `${+value.toFixed(value >= 100 ? 0 : 1)} ${label.unit}`;
}
