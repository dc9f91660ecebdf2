import type { MetricName, TraceDto } from '@architech/contracts';

/** The key charts of a run report: end-to-end series, in this order. */
export const REPORT_SERIES: readonly { metric: MetricName; title: string; unit: string }[] = [
  { metric: 'throughput', title: 'Throughput', unit: 'req/s' },
  { metric: 'latencyP99', title: 'Latency p99', unit: 'ms' },
  { metric: 'latencyP50', title: 'Latency p50', unit: 'ms' },
  { metric: 'errors', title: 'Errors per bucket', unit: 'errors' },
];

/** How many slowest and how many failed traces a report draws. */
export const REPORT_TRACES = { slowest: 3, failed: 3 } as const;

/** The slowest successful traces (longest first) and the first failed ones (in time order). */
export function pickReportTraces(traces: readonly TraceDto[]): { slowest: TraceDto[]; failed: TraceDto[] } {
  const slowest = traces.filter((t) => t.status === 'OK').sort((a, b) => b.durationMs - a.durationMs).slice(0, REPORT_TRACES.slowest);
  const failed = traces.filter((t) => t.status === 'ERROR').sort((a, b) => a.startMs - b.startMs).slice(0, REPORT_TRACES.failed);
  return { slowest, failed };
}
