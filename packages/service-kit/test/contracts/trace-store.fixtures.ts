import type { StoredLog, StoredSpan, StoredTrace } from '../../src/ports/trace-store.port';

/*
 * Traces and logs shaped like the engine's output (packages/sim-engine/src/tracing): W3C-sized
 * hex ids, a CLIENT root span named `<client> request`, one SERVER span per hop with `attempt`,
 * `hop`, `replica` and `connection` attributes, fractional simulated milliseconds, and an ERROR
 * status whose message is the outcome. Built by hand because service-kit may not import the engine.
 */

/** The path a request takes: client → load balancer → web → database. */
const PATH = [
  { id: 'client', type: 'CLIENT', connection: null },
  { id: 'lb', type: 'LOAD_BALANCER', connection: 'c1' },
  { id: 'web', type: 'SERVICE', connection: 'c2' },
  { id: 'db', type: 'DATABASE', connection: 'c3' },
] as const;

export interface TraceSpec {
  serial: number;
  startMs: number;
  durationMs: number;
  /** How many hops of {@link PATH} the request reached (2: client and lb only). Default 4. */
  hops?: number;
  /** The component whose call failed with this outcome; its ancestors fail with `error`. */
  failure?: { at: 'lb' | 'web' | 'db'; outcome: string };
  linkedSerial?: number;
}

export function traceIdOf(serial: number): string {
  return `7f3a${serial.toString(16).padStart(28, '0')}`;
}

function spanIdOf(serial: number, hop: number): string {
  return `${(serial * 16 + hop).toString(16).padStart(16, '0')}`;
}

/** One kept trace: the spans nest, each hop starting a little later and ending a little earlier. */
export function traceOf(spec: TraceSpec): StoredTrace {
  const hops = spec.hops ?? PATH.length;
  const failedHop = spec.failure ? PATH.findIndex((c) => c.id === spec.failure!.at) : -1;
  const spans: StoredSpan[] = PATH.slice(0, hops).map((component, hop) => {
    const startMs = spec.startMs + hop * 0.25;
    const endMs = spec.startMs + spec.durationMs - hop * 0.25;
    const failed = failedHop >= 0 && hop <= failedHop;
    const attributes: StoredSpan['attributes'] = { attempt: 1, hop };
    if (hop > 0) attributes.replica = hop - 1;
    if (component.connection) attributes.connection = component.connection;
    if (hop === failedHop) attributes.retried = true;
    return {
      traceId: traceIdOf(spec.serial),
      spanId: spanIdOf(spec.serial, hop),
      parentSpanId: hop === 0 ? null : spanIdOf(spec.serial, hop - 1),
      name: hop === 0 ? `${component.id} request` : component.id,
      kind: hop === 0 ? 'CLIENT' : 'SERVER',
      componentId: component.id,
      componentType: component.type,
      startMs,
      endMs,
      durationMs: endMs - startMs,
      status: failed ? { code: 'ERROR', message: hop === failedHop ? spec.failure!.outcome : 'error' } : { code: 'OK' },
      attributes,
    };
  });
  const trace: StoredTrace = {
    traceId: traceIdOf(spec.serial),
    rootComponentId: 'client',
    startMs: spec.startMs,
    durationMs: spec.durationMs,
    status: spec.failure ? 'ERROR' : 'OK',
    reason: spec.failure ? 'error' : spec.durationMs >= 100 ? 'slow' : 'sampled',
    spans,
  };
  if (spec.linkedSerial !== undefined) trace.linkedTraceId = traceIdOf(spec.linkedSerial);
  return trace;
}

/**
 * Six traces, written out of start order: two errors, two slow ones, two that never reached the
 * database, and one message delivery linked to its producer's trace.
 */
export function sampleTraces(): StoredTrace[] {
  return [
    traceOf({ serial: 3, startMs: 3000.5, durationMs: 40.25 }),
    traceOf({ serial: 1, startMs: 1000.125, durationMs: 12.5 }),
    traceOf({ serial: 5, startMs: 5000, durationMs: 250, failure: { at: 'db', outcome: 'timeout' } }),
    traceOf({ serial: 2, startMs: 2000.75, durationMs: 180, hops: 2 }),
    traceOf({ serial: 6, startMs: 6000.25, durationMs: 30, failure: { at: 'lb', outcome: 'dropped' }, hops: 2, linkedSerial: 1 }),
    traceOf({ serial: 4, startMs: 4000, durationMs: 95.5 }),
  ];
}

/** Log records as the engine writes them (fault start/end, breaker, drops), with stable ids. */
export function sampleLogs(): StoredLog[] {
  const log = (seq: number, timeMs: number, level: StoredLog['level'], event: string, componentId: string | null, message: string, attributes?: StoredLog['attributes']): StoredLog => {
    const record: StoredLog = { id: `log-${String(seq).padStart(4, '0')}`, timeMs, level, event, componentId, message };
    if (attributes) record.attributes = attributes;
    return record;
  };
  return [
    log(4, 31_000.5, 'warn', 'circuit_open', 'web', 'web: call rejected by the open circuit breaker'),
    log(1, 30_000, 'error', 'fault_start', 'db', 'fault crash started on db: all replicas down', { fault: 'crash', replicas: 2 }),
    log(2, 30_000, 'warn', 'drop', 'web', 'web: queue full (10 waiting), request dropped'),
    log(3, 30_500.25, 'warn', 'lost', 'lb', 'c2: request to web lost'),
    log(5, 45_000, 'info', 'scale_out', 'web', 'web: scaling out 2 → 4 replicas (utilisation 0.93)', { observedUtilization: 0.93, fromReplicas: 2, toReplicas: 4 }),
    log(6, 50_000, 'info', 'fault_end', 'db', 'fault crash ended on db', { fault: 'crash' }),
    log(7, 50_100, 'debug', 'run_note', null, 'replication 1 of 3 reached steady state', { steady: true }),
  ];
}

/** Sorted by a key, for comparing what was written with what came back. */
export function byKey<T>(items: readonly T[], key: (item: T) => string | number): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
