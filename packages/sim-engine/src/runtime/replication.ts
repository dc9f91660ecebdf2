import { Scheduler } from '../core/scheduler';
import { NodeStats, latencySummary } from '../metrics/node-stats';
import { SERIES_METRICS, type SeriesBuffers, type SeriesMetric } from '../metrics/series';
import type { EndToEndSummary, Summary } from '../metrics/summary';
import { Call, CallPhase, TraceContext, type Outcome } from '../model/call';
import type { CircuitBreaker } from '../model/circuit-breaker';
import type { Autoscaler } from '../model/autoscaler';
import type { Client } from '../model/client';
import type { LogLevel, ModelEvents, SimContext } from '../model/context';
import type { DesignSpec, FaultSpec, TracingSpec } from '../model/design';
import type { Link } from '../model/link';
import type { SimNode } from '../model/node';
import { retryDelayMs } from '../model/retry-backoff';
import type { Station } from '../model/station';
import { createStream, hashLabel, type Rng } from '../random/rng';
import { LogBuffer } from '../tracing/log-buffer';
import type { LogRecord, Trace } from '../tracing/span';
import { TraceCollector } from '../tracing/trace-collector';
import { buildTopology } from './topology';
import { FaultInjector, type FaultWindow } from './fault-injector';

/**
 * Longest chain of calls one request may make, counting hops through queues. Validation rejects
 * synchronous cycles; this cap stops asynchronous ones (a consumer feeding its own queue).
 */
export const MAX_HOPS = 64;

/** Outcomes a retry policy retries. An open breaker and the hop cap are final. */
const RETRYABLE: ReadonlySet<Outcome> = new Set<Outcome>(['error', 'downstream_error', 'timeout', 'dropped', 'unavailable', 'crashed', 'lost']);

/** One closed bucket of every series, for watching a run while it goes (see `onSeriesBucket`). */
export interface SeriesBucket {
  replication: number;
  index: number;
  startSec: number;
  endToEnd: Record<SeriesMetric, number>;
  components: Record<string, Record<SeriesMetric, number>>;
  /** Log records written during this bucket, and the index of the first in the run's log. */
  logs: LogRecord[];
  firstLogIndex: number;
}

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

/** Asked every few thousand events: report progress; return false to stop the run. */
export type ChunkHook = (nowMs: number, eventsSoFar: number) => boolean;

/** Events between two calls of the chunk hook. */
const CHUNK = 1 << 15;

/**
 * One replication: the component models wired on one scheduler, with the call protocol between
 * them (network crossings, timeouts, retries, breakers), faults, and bucketed statistics.
 */
export class Replication implements SimContext {
  readonly scheduler = new Scheduler();
  readonly events: ModelEvents;
  readonly endMs: number;
  private readonly warmupMs: number;
  private readonly bucketMs: number;
  private readonly buckets: number;
  private bucketIndex = 0;
  private readonly nodes: SimNode[];
  private readonly nodesById: Map<string, SimNode>;
  private readonly clients: Client[];
  private readonly stations: Station[];
  private readonly endToEnd: NodeStats;
  private readonly traces: TraceCollector;
  private readonly logs: LogBuffer;
  private readonly faults: FaultInjector;
  private readonly retryRngs = new Map<SimNode, Rng>();
  private callSerial = 0;
  /** Log records already handed to `onSeriesBucket`. */
  private logsEmitted = 0;
  private traceSerial = 0;
  private readonly kArrive: number;
  private readonly kResponse: number;
  private readonly kTimeout: number;
  private readonly kLost: number;
  private readonly kRetry: number;
  private readonly kTick: number;
  private readonly kWarmup: number;
  private readonly kFaultStart: number;
  private readonly kFaultEnd: number;

  constructor(
    design: DesignSpec,
    private readonly settings: ReplicationSettings,
  ) {
    this.endMs = settings.durationSec * 1000;
    this.warmupMs = settings.warmupSec * 1000;
    this.bucketMs = settings.bucketSec * 1000;
    this.buckets = Math.max(1, Math.ceil(this.endMs / this.bucketMs));
    const s = this.scheduler;
    this.events = {
      serviceDone: s.register((call: Call) => call.node.onServiceDone(call)),
      clientArrival: s.register((client: Client) => client.emit()),
      breakerHalfOpen: s.register((breaker: CircuitBreaker) => breaker.halfOpen()),
      autoscaleEvaluate: s.register((autoscaler: Autoscaler) => autoscaler.evaluate()),
      replicaReady: s.register((station: Station) => station.replicaReady()),
    };
    this.kArrive = s.register((call: Call) => this.arrive(call));
    this.kResponse = s.register((call: Call) => {
      if (!call.settled) this.settle(call, call.outcome);
    });
    this.kTimeout = s.register((call: Call) => this.onTimeout(call));
    this.kLost = s.register((call: Call) => {
      if (!call.settled) this.settle(call, 'lost');
    });
    this.kRetry = s.register((call: Call) => this.attempt(call.parent as Call, call.link as Link, call.attempt + 1));
    this.kTick = s.register(() => this.tick());
    this.kWarmup = s.register(() => this.markWarmup());
    this.kFaultStart = s.register((fault) => this.faults.start(fault));
    this.kFaultEnd = s.register((fault) => this.faults.end(fault));

    const salt = hashLabel(`${settings.seed}/${settings.replication}`);
    this.traces = new TraceCollector(settings.tracing, salt, this.rootStream('tracing'));
    this.logs = new LogBuffer(settings.tracing.maxLogs);
    const crashTargets = new Set(settings.faults.filter((f) => f.type === 'crash').map((f) => f.target));
    const topology = buildTopology(this, design, crashTargets, () => new NodeStats(this.warmupMs, this.buckets), (id) => this.rootStream('connection', id));
    this.nodes = topology.nodes;
    this.nodesById = new Map(this.nodes.map((n) => [n.id, n]));
    this.clients = topology.clients;
    this.stations = topology.stations;
    // With one client its own statistics are the end-to-end ones; sharing them halves the work.
    this.endToEnd = this.clients.length === 1 ? this.clients[0].stats : new NodeStats(this.warmupMs, this.buckets);
    this.faults = new FaultInjector(this, this.nodesById, topology.links);
  }

  stream(node: SimNode, purpose: string): Rng {
    return this.rootStream('component', node.id, purpose);
  }

  /**
   * Runs to the end (or until `hook` says stop). Returns undefined when stopped early.
   */
  run(hook: ChunkHook): ReplicationOutput | undefined {
    const s = this.scheduler;
    if (this.warmupMs > 0) s.scheduleUrgent(this.warmupMs, this.kWarmup, null);
    if (this.buckets > 1) s.scheduleUrgent(this.bucketMs, this.kTick, null);
    this.faults.schedule(this.settings.faults, this.kFaultStart, this.kFaultEnd);
    for (const station of this.stations) station.start();
    for (const client of this.clients) client.start();
    while (s.pending > 0 && s.peekTime() <= this.endMs) {
      s.run(this.endMs, CHUNK);
      if (!hook(s.now, s.processed)) return undefined;
    }
    s.now = this.endMs;
    this.closeBucket();
    return this.output();
  }

  call(parent: Call, link: Link): void {
    link.inFlight++;
    parent.downstream = link;
    this.attempt(parent, link, 1);
  }

  respond(call: Call, outcome: Outcome, record = true): void {
    call.phase = CallPhase.Done;
    if (call.settled) return;
    const now = this.scheduler.now;
    call.endMs = now;
    call.outcome = outcome;
    const node = call.node;
    if (!record) {
      // The component counts this outcome itself (a queue counts consumed messages).
    } else if (outcome === 'ok') node.stats.completion(now, now - call.arrivedMs);
    else if (outcome !== 'dropped') node.stats.error(now);
    if (record && outcome !== 'ok') this.logs.pushFailure(now, node.id, outcome);
    const link = call.link as Link;
    if (link.loses()) {
      this.logNoisy('lost', node, `${link.id}: response from ${node.id} lost`);
      if (node.timeoutMs === undefined) this.scheduler.scheduleIn(link.delayMs(), this.kLost, call);
      return;
    }
    const delay = link.delayMs();
    if (delay > 0) this.scheduler.scheduleIn(delay, this.kResponse, call);
    else this.settle(call, outcome);
  }

  startTrace(hopsBefore: number, linkedSerial: number): TraceContext {
    const sampled = this.traces.enabled && this.traces.headSample();
    return new TraceContext(this.traceSerial++, this.scheduler.now, sampled, this.traces.enabled, hopsBefore, linkedSerial);
  }

  rootCall(trace: TraceContext, node: SimNode): Call {
    const call = new Call(this.callSerial++, trace, null, node, null, 1, trace.hopsBefore, this.scheduler.now);
    if (trace.record) trace.add(call);
    return call;
  }

  finishTrace(trace: TraceContext, root: Call, outcome: Outcome): void {
    this.traces.finish(trace, root, outcome, this.scheduler.now);
  }

  requestStarted(): void {
    if (this.clients.length !== 1) this.endToEnd.arrival(this.scheduler.now);
  }

  requestFinished(root: Call, outcome: Outcome): void {
    if (this.clients.length === 1) return;
    const now = this.scheduler.now;
    if (outcome === 'ok') this.endToEnd.completion(now, now - root.sentMs);
    else this.endToEnd.error(now);
  }

  log(level: LogLevel, event: string, componentId: string | null, message: string, attributes?: Record<string, string | number | boolean>): void {
    const record: LogRecord = { timeMs: this.scheduler.now, level, event, componentId, message };
    if (attributes) record.attributes = attributes;
    this.logs.push(record);
  }

  logNoisy(event: string, node: SimNode, message: string): void {
    this.logs.pushNoisy({ timeMs: this.scheduler.now, level: 'warn', event, componentId: node.id, message });
  }

  private rootStream(...labels: (string | number)[]): Rng {
    return createStream(this.settings.seed, this.settings.streamFamily, this.settings.replication, ...labels);
  }

  /** Sends attempt number `attemptNo` of a call along `link`. */
  private attempt(parent: Call, link: Link, attemptNo: number): void {
    const now = this.scheduler.now;
    const target = link.target;
    const hop = parent.hop + 1;
    if (hop > MAX_HOPS) {
      this.log('error', 'hop_limit', target.id, `request exceeded ${MAX_HOPS} hops at ${target.id}`, { hop });
      this.deliver(parent, link, 'hop_limit');
      return;
    }
    if (target.breaker !== null && !target.breaker.allow()) {
      target.stats.reject(now);
      this.logNoisy('circuit_open', target, `${target.id}: call rejected by the open circuit breaker`);
      this.deliver(parent, link, 'circuit_open');
      return;
    }
    const child = new Call(this.callSerial++, parent.trace, parent, target, link, attemptNo, hop, now);
    if (parent.trace.record) parent.trace.add(child);
    if (target.breaker !== null) child.breakerGeneration = target.breaker.generation;
    if (target.timeoutMs !== undefined) this.scheduler.schedule(now + target.timeoutMs, this.kTimeout, child);
    if (link.loses()) {
      this.logNoisy('lost', target, `${link.id}: request to ${target.id} lost`);
      if (target.timeoutMs === undefined) this.scheduler.scheduleIn(link.delayMs(), this.kLost, child);
      return;
    }
    const delay = link.delayMs();
    if (delay > 0) this.scheduler.scheduleIn(delay, this.kArrive, child);
    else this.arrive(child);
  }

  private arrive(call: Call): void {
    call.arrivedMs = this.scheduler.now;
    call.node.receive(call);
  }

  private onTimeout(call: Call): void {
    if (call.settled) return;
    call.node.stats.timeout(this.scheduler.now);
    this.logNoisy('timeout', call.node, `${call.node.id}: call timed out after ${call.node.timeoutMs} ms`);
    this.settle(call, 'timeout');
  }

  /** The caller concludes an attempt: feed the breaker, then retry or pass the result up. */
  private settle(call: Call, outcome: Outcome): void {
    call.settled = true;
    if (call.endMs < 0) {
      call.endMs = this.scheduler.now;
      call.outcome = outcome;
    }
    const node = call.node;
    if (node.breaker !== null) node.breaker.record(outcome === 'ok', call.breakerGeneration);
    const retry = node.retry;
    if (outcome !== 'ok' && retry !== undefined && call.attempt < retry.maxAttempts && RETRYABLE.has(outcome)) {
      this.scheduler.scheduleIn(retryDelayMs(retry, call.attempt, this.retryRng(node)), this.kRetry, call);
      return;
    }
    this.deliver(call.parent as Call, call.link as Link, outcome);
  }

  private deliver(parent: Call, link: Link, outcome: Outcome): void {
    link.inFlight--;
    parent.downstream = null;
    parent.node.onDownstreamResult(parent, outcome);
  }

  private retryRng(node: SimNode): Rng {
    let rng = this.retryRngs.get(node);
    if (!rng) {
      rng = this.stream(node, 'retry');
      this.retryRngs.set(node, rng);
    }
    return rng;
  }

  private markWarmup(): void {
    const now = this.scheduler.now;
    for (const node of this.nodes) node.stats.markWarmup(now);
    if (this.clients.length !== 1) this.endToEnd.markWarmup(now);
  }

  private tick(): void {
    this.closeBucket();
    const next = (this.bucketIndex + 1) * this.bucketMs;
    if (this.bucketIndex < this.buckets - 1 && next < this.endMs) this.scheduler.scheduleUrgent(next, this.kTick, null);
  }

  private closeBucket(): void {
    if (this.bucketIndex >= this.buckets) return;
    const now = this.scheduler.now;
    for (const node of this.nodes) node.closeBucket(this.bucketIndex, now);
    if (this.clients.length !== 1) this.endToEnd.closeBucket(this.bucketIndex, now, 0, 0);
    this.logs.closeBucket(now);
    if (this.settings.onSeriesBucket) {
      const row = this.bucketRow(this.bucketIndex);
      row.firstLogIndex = this.logsEmitted;
      row.logs = this.logs.records.slice(this.logsEmitted);
      this.logsEmitted = this.logs.records.length;
      this.settings.onSeriesBucket(row);
    }
    this.bucketIndex++;
  }

  private bucketRow(index: number): SeriesBucket {
    const row = (series: SeriesBuffers) => {
      const out = {} as Record<SeriesMetric, number>;
      for (const metric of SERIES_METRICS) out[metric] = series.columns[metric][index];
      return out;
    };
    const components: Record<string, Record<SeriesMetric, number>> = {};
    for (const node of this.nodes) components[node.id] = row(node.stats.series);
    return { replication: this.settings.replication, index, startSec: (index * this.bucketMs) / 1000, endToEnd: row(this.endToEnd.series), components, logs: [], firstLogIndex: 0 };
  }

  private output(): ReplicationOutput {
    const components: Summary['components'] = {};
    const componentSeries = new Map<string, SeriesBuffers>();
    for (const node of this.nodes) {
      components[node.id] = node.stats.summarize(node.type, this.endMs);
      componentSeries.set(node.id, node.stats.series);
    }
    const e = this.endToEnd;
    const measuredSec = (this.endMs - this.warmupMs) / 1000;
    let requests = 0;
    for (const client of this.clients) requests += client.stats.arrivals;
    const finished = e.completions + e.errors;
    const endToEnd: EndToEndSummary = {
      requests,
      completions: e.completions,
      errors: e.errors,
      throughput: measuredSec > 0 ? e.completions / measuredSec : 0,
      errorRate: finished > 0 ? e.errors / finished : 0,
      latency: latencySummary(e.latency),
    };
    return {
      summary: { endToEnd, components },
      endToEndSeries: e.series,
      componentSeries,
      traces: this.traces.traces(),
      logs: this.logs.records.slice().sort((a, b) => a.timeMs - b.timeMs),
      logsDropped: this.logs.overflow,
      faultWindows: this.faults.windows,
      events: this.scheduler.processed,
    };
  }
}
