import { latencySummary, type NodeStats } from '../metrics/node-stats';
import type { SeriesBuffers } from '../metrics/series';
import type { EndToEndSummary, Summary } from '../metrics/summary';
import type { Client } from '../model/client';
import type { SimNode } from '../model/node';
import type { LogRecord, Trace } from '../tracing/span';
import type { SimEnvironment } from './environment';
import type { FaultWindow } from './fault-injector';

export interface ReplicationOutput {
  summary: Summary;
  endToEndSeries: SeriesBuffers;
  componentSeries: Map<string, SeriesBuffers>;
  traces: Trace[];
  logs: LogRecord[];
  logsDropped: number;
  faultWindows: FaultWindow[];
  events: number;
}

/** What a finished replication hands back: its post-warm-up summary, series, traces and logs. */
export function replicationOutput(env: SimEnvironment, nodes: readonly SimNode[], clients: readonly Client[], endToEnd: NodeStats, warmupMs: number, faultWindows: FaultWindow[]): ReplicationOutput {
  const components: Summary['components'] = {};
  const componentSeries = new Map<string, SeriesBuffers>();
  for (const node of nodes) {
    components[node.id] = node.stats.summarize(node.type, env.endMs);
    componentSeries.set(node.id, node.stats.series);
  }
  const measuredSec = (env.endMs - warmupMs) / 1000;
  let requests = 0;
  for (const client of clients) requests += client.stats.arrivals;
  const finished = endToEnd.completions + endToEnd.errors;
  const summary: EndToEndSummary = {
    requests,
    completions: endToEnd.completions,
    errors: endToEnd.errors,
    throughput: measuredSec > 0 ? endToEnd.completions / measuredSec : 0,
    errorRate: finished > 0 ? endToEnd.errors / finished : 0,
    latency: latencySummary(endToEnd.latency),
  };
  return {
    summary: { endToEnd: summary, components },
    endToEndSeries: endToEnd.series,
    componentSeries,
    traces: env.traces.traces(),
    logs: env.logs.records.slice().sort((a, b) => a.timeMs - b.timeMs),
    logsDropped: env.logs.overflow,
    faultWindows,
    events: env.scheduler.processed,
  };
}
