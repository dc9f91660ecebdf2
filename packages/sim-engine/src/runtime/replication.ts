import { NodeStats } from '../metrics/node-stats';
import type { Client } from '../model/client';
import type { DesignSpec, FaultSpec, TracingSpec } from '../model/design';
import type { SimNode } from '../model/node';
import type { Station } from '../model/station';
import { SimEnvironment } from './environment';
import { FaultInjector } from './fault-injector';
import { replicationOutput, type ReplicationOutput } from './replication-output';
import { SeriesRecorder, type SeriesBucket } from './series-recorder';
import { buildTopology } from './topology';

export { MAX_HOPS } from './call-protocol';
export type { SeriesBucket } from './series-recorder';
export type { ReplicationOutput } from './replication-output';

export interface ReplicationSettings {
  durationSec: number;
  warmupSec: number;
  seed: number;
  replication: number;
  /** Names the family of random streams: `replication` for measured runs, `pilot` for warm-up detection. */
  streamFamily: 'replication' | 'pilot';
  bucketSec: number;
  faults: readonly FaultSpec[];
  tracing: TracingSpec;
  /** Called after each bucket closes. */
  onSeriesBucket?: (bucket: SeriesBucket) => void;
}

/** Asked every few thousand events: report progress; return false to stop the run. */
export type ChunkHook = (nowMs: number, eventsSoFar: number) => boolean;

/** Events between two calls of the chunk hook. */
const CHUNK = 1 << 15;

/**
 * One replication: the component models wired on one environment (scheduler, call protocol,
 * streams, traces, logs), the faults, and the series recorder; runs to the end and assembles the
 * output.
 */
export class Replication {
  private readonly env: SimEnvironment;
  private readonly warmupMs: number;
  private readonly nodes: SimNode[];
  private readonly clients: Client[];
  private readonly stations: Station[];
  /** The end-to-end statistics: a single client's own (sharing them halves the work), else their own. */
  private readonly endToEnd: NodeStats;
  private readonly faults: FaultInjector;
  private readonly recorder: SeriesRecorder;

  constructor(
    design: DesignSpec,
    private readonly settings: ReplicationSettings,
  ) {
    const env = new SimEnvironment(settings);
    this.env = env;
    this.warmupMs = settings.warmupSec * 1000;
    const bucketMs = settings.bucketSec * 1000;
    const buckets = Math.max(1, Math.ceil(env.endMs / bucketMs));
    const crashTargets = new Set(settings.faults.filter((f) => f.type === 'crash').map((f) => f.target));
    const topology = buildTopology(env, design, crashTargets, () => new NodeStats(this.warmupMs, buckets), (id) => env.rootStream('connection', id));
    this.nodes = topology.nodes;
    this.clients = topology.clients;
    this.stations = topology.stations;
    const ownEndToEnd = this.clients.length === 1 ? null : new NodeStats(this.warmupMs, buckets);
    env.endToEnd = ownEndToEnd;
    this.endToEnd = ownEndToEnd ?? this.clients[0].stats;
    this.faults = new FaultInjector(env, new Map(this.nodes.map((n) => [n.id, n])), topology.links);
    this.recorder = new SeriesRecorder(env, this.nodes, ownEndToEnd, () => this.endToEnd.series, { replication: settings.replication, warmupMs: this.warmupMs, bucketMs, onSeriesBucket: settings.onSeriesBucket });
  }

  /**
   * Runs to the end (or until `hook` says stop). Returns undefined when stopped early.
   */
  run(hook: ChunkHook): ReplicationOutput | undefined {
    const s = this.env.scheduler;
    const endMs = this.env.endMs;
    this.recorder.start();
    const kFaultStart = s.register((fault) => this.faults.start(fault));
    const kFaultEnd = s.register((fault) => this.faults.end(fault));
    this.faults.schedule(this.settings.faults, kFaultStart, kFaultEnd);
    for (const station of this.stations) station.start();
    for (const client of this.clients) client.start();
    while (s.pending > 0 && s.peekTime() <= endMs) {
      s.run(endMs, CHUNK);
      if (!hook(s.now, s.processed)) return undefined;
    }
    s.now = endMs;
    this.recorder.finish();
    return replicationOutput(this.env, this.nodes, this.clients, this.endToEnd, this.warmupMs, this.faults.windows);
  }
}
