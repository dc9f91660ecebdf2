import type { NodeStats } from '../metrics/node-stats';
import { TraceContext, type Call, type Outcome } from '../model/call';
import type { CircuitBreaker } from '../model/circuit-breaker';
import type { Autoscaler } from '../model/autoscaler';
import type { Client } from '../model/client';
import type { LogLevel, ModelEvents, SimContext } from '../model/context';
import type { TracingSpec } from '../model/design';
import type { SimNode } from '../model/node';
import type { ServerlessInstance } from '../model/serverless-instance';
import type { Station } from '../model/station';
import { createStream, hashLabel, type Rng } from '../random/rng';
import { LogBuffer } from '../tracing/log-buffer';
import type { LogRecord } from '../tracing/span';
import { TraceCollector } from '../tracing/trace-collector';
import { CallProtocol } from './call-protocol';

/** What identifies a replication's random streams and shapes its traces and logs. */
export interface EnvironmentSettings {
  durationSec: number;
  seed: number;
  replication: number;
  /** Names the family of random streams: `replication` for measured runs, `pilot` for warm-up detection. */
  streamFamily: 'replication' | 'pilot';
  tracing: TracingSpec;
}

/**
 * Everything a component model may ask of the running simulation ({@link SimContext}): the
 * scheduler and the call protocol it extends, labelled random streams, traces, logs and the
 * end-to-end bookkeeping of client requests.
 */
export class SimEnvironment extends CallProtocol implements SimContext {
  readonly events: ModelEvents;
  readonly endMs: number;
  readonly traces: TraceCollector;
  readonly logs: LogBuffer;
  /** End-to-end statistics when there are several clients; null while one client's own statistics serve. */
  endToEnd: NodeStats | null = null;
  private traceSerial = 0;
  /** Finished traces whose calls were taken back, ready for reuse. */
  private readonly freeTraces: TraceContext[] = [];

  constructor(private readonly settings: EnvironmentSettings) {
    super();
    this.endMs = settings.durationSec * 1000;
    const s = this.scheduler;
    this.events = {
      serviceDone: s.register((call: Call) => call.node.onServiceDone(call)),
      clientArrival: s.register((client: Client) => client.emit()),
      breakerHalfOpen: s.register((breaker: CircuitBreaker) => breaker.halfOpen()),
      autoscaleEvaluate: s.register((autoscaler: Autoscaler) => autoscaler.evaluate()),
      replicaReady: s.register((station: Station) => station.replicaReady()),
      instanceIdle: s.register((instance: ServerlessInstance) => instance.owner.reclaimIfIdle(instance)),
    };
    const salt = hashLabel(`${settings.seed}/${settings.replication}`);
    this.traces = new TraceCollector(settings.tracing, salt, this.rootStream('tracing'));
    this.logs = new LogBuffer(settings.tracing.maxLogs);
  }

  stream(node: SimNode, purpose: string): Rng {
    return this.rootStream('component', node.id, purpose);
  }

  /** A stream of the replication itself (not of a component), e.g. one per connection. */
  rootStream(...labels: (string | number)[]): Rng {
    return createStream(this.settings.seed, this.settings.streamFamily, this.settings.replication, ...labels);
  }

  startTrace(hopsBefore: number, linkedSerial: number): TraceContext {
    const enabled = this.traces.enabled;
    const sampled = enabled && this.traces.headSample();
    const free = this.freeTraces.pop();
    if (free === undefined) return new TraceContext(this.traceSerial++, this.scheduler.now, sampled, enabled, hopsBefore, linkedSerial);
    free.reuse(this.traceSerial++, sampled, enabled, hopsBefore, linkedSerial).startMs = this.scheduler.now;
    return free;
  }

  recycleTrace(trace: TraceContext): void {
    if (this.recycleCalls(trace)) this.freeTraces.push(trace);
  }

  rootCall(trace: TraceContext, node: SimNode): Call {
    return this.newRootCall(trace, node);
  }

  finishTrace(trace: TraceContext, root: Call, outcome: Outcome): void {
    this.traces.finish(trace, root, outcome);
  }

  requestStarted(): void {
    if (this.endToEnd !== null) this.endToEnd.arrival();
  }

  requestFinished(root: Call, outcome: Outcome): void {
    if (this.endToEnd === null) return;
    const now = this.scheduler.now;
    if (outcome === 'ok') this.endToEnd.completion(now - root.sentMs);
    else this.endToEnd.error();
  }

  log(level: LogLevel, event: string, componentId: string | null, message: string, attributes?: Record<string, string | number | boolean>): void {
    const record: LogRecord = { timeMs: this.scheduler.now, level, event, componentId, message };
    if (attributes) record.attributes = attributes;
    this.logs.push(record);
  }

  logFailure(node: SimNode, outcome: Outcome): void {
    this.logs.pushFailure(this.scheduler.now, node.id, outcome);
  }

  logNoisy(event: string, node: SimNode, message: string): void {
    this.logs.pushNoisy({ timeMs: this.scheduler.now, level: 'warn', event, componentId: node.id, message });
  }
}
