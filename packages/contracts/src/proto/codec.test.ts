import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  BUS_TOPICS,
  BusMessageError,
  LogLevel,
  MetricBatchSchema,
  SimulationStatus,
  SpanKind,
  SpanStatusCode,
  TraceKeepReason,
  TraceStatus,
  attributesFromProto,
  attributesToProto,
  decodeLogBatch,
  decodeMetricBatch,
  decodeSimulationJob,
  decodeSimulationStatusEvent,
  decodeSpanBatch,
  encodeLogBatch,
  encodeMetricBatch,
  encodeSimulationJob,
  encodeSimulationStatusEvent,
  encodeSpanBatch,
  decodeTelemetryLanded,
  encodeTelemetryLanded,
  formatTelemetryManifest,
  parseTelemetryMark,
  TELEMETRY_HEADERS,
} from './index';

const BEYOND_DOUBLE_PRECISION = 2n ** 53n + 1n;

describe('a simulation job on the bus', () => {
  it('round-trips every field through protobuf binary', () => {
    const job = {
      simulationId: 'sim-1',
      designVersionId: 'dv-7',
      userId: 'u-3',
      designJson: JSON.stringify({ components: [{ id: 'web', type: 'SERVICE' }], connections: [] }),
      configurationJson: JSON.stringify({ durationSec: 60, seed: 42 }),
      requestedAt: timestampFromMs(1_700_000_000_123),
      traceContext: {
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'congo=t61rcWkgMzE',
      },
    };
    const decoded = decodeSimulationJob(encodeSimulationJob(job));
    expect(decoded).toMatchObject(job);
    expect(decoded.requestedAt!.seconds).toBe(1_700_000_000n);
    expect(decoded.requestedAt!.nanos).toBe(123_000_000);
  });
});

describe('a simulation status event on the bus', () => {
  it('round-trips every field, keeping a 64-bit event count beyond 2^53 exact as a bigint', () => {
    const event = {
      simulationId: 'sim-1',
      status: SimulationStatus.COMPLETED,
      progress: 1,
      replication: 3,
      replications: 3,
      simTimeMs: 60_000.5,
      events: BEYOND_DOUBLE_PRECISION,
      errorMessage: 'none',
      summaryJson: JSON.stringify({ endToEnd: { throughput: 79.8 } }),
      occurredAt: timestampFromMs(1_700_000_060_000),
      workerId: 'worker-2',
      sequence: 18_446_744_073_709_551_615n,
    };
    const decoded = decodeSimulationStatusEvent(encodeSimulationStatusEvent(event));
    expect(decoded).toMatchObject(event);
    expect(typeof decoded.events).toBe('bigint');
  });

  it('carries every lifecycle state', () => {
    for (const status of [SimulationStatus.PENDING, SimulationStatus.RUNNING, SimulationStatus.FAILED, SimulationStatus.CANCELLED]) {
      expect(decodeSimulationStatusEvent(encodeSimulationStatusEvent({ simulationId: 's', status })).status).toBe(status);
    }
  });
});

describe('a metric batch on the bus', () => {
  it('round-trips columnar series with their doubles bit for bit', () => {
    const batch = {
      simulationId: 'sim-1',
      batchId: 'sim-1/r1/0-59',
      bucketSec: 1,
      series: [
        { componentId: 'web', componentType: 'SERVICE', metric: 'latencyP95', startSec: 0, values: [12.5, 0.1 + 0.2, 1e300, -0, 5e-324] },
        { componentId: '$endToEnd', componentType: '', metric: 'throughput', startSec: 30, values: [79, 80, 81] },
      ],
    };
    const decoded = decodeMetricBatch(encodeMetricBatch(batch));
    expect(decoded).toMatchObject(batch);
    expect(Object.is(decoded.series[0].values[3], -0)).toBe(true);
  });
});

describe('a span batch on the bus', () => {
  it('round-trips traces, spans, their enums and attributes of every value kind', () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const batch = {
      simulationId: 'sim-1',
      batchId: 'sim-1/r1/traces/0',
      traces: [
        {
          traceId,
          rootComponentId: 'client',
          startMs: 1000.25,
          durationMs: 42.5,
          status: TraceStatus.ERROR,
          reason: TraceKeepReason.ERROR,
          linkedTraceId: '0af7651916cd43dd8448eb211c80319c',
          spans: [
            {
              traceId,
              spanId: '00f067aa0ba902b7',
              parentSpanId: '',
              name: 'client request',
              kind: SpanKind.CLIENT,
              componentId: 'client',
              componentType: 'CLIENT',
              startMs: 1000.25,
              endMs: 1042.75,
              statusCode: SpanStatusCode.ERROR,
              statusMessage: 'timeout',
              attributes: attributesToProto({ attempt: 2, connection: 'c1', unfinished: true, weight: 0.5 }),
            },
            {
              traceId,
              spanId: '53995c3f42cd8ad8',
              parentSpanId: '00f067aa0ba902b7',
              name: 'queue deliver',
              kind: SpanKind.CONSUMER,
              componentId: 'queue',
              componentType: 'QUEUE',
              startMs: 1001,
              endMs: 1002,
              statusCode: SpanStatusCode.UNSET,
              statusMessage: '',
              attributes: { big: { value: { case: 'intValue' as const, value: BEYOND_DOUBLE_PRECISION } } },
            },
            { traceId, spanId: 'a2fb4a1d1a96d312', kind: SpanKind.SERVER, statusCode: SpanStatusCode.OK },
          ],
        },
      ],
    };
    const decoded = decodeSpanBatch(encodeSpanBatch(batch));
    expect(decoded).toMatchObject(batch);
    expect(attributesFromProto(decoded.traces[0].spans[0].attributes)).toEqual({ attempt: 2, connection: 'c1', unfinished: true, weight: 0.5 });
  });
});

describe('a log batch on the bus', () => {
  it('round-trips records, telling an absent component id from an empty one', () => {
    const batch = {
      simulationId: 'sim-1',
      batchId: 'sim-1/r1/logs/0',
      records: [
        {
          id: 'sim-1/r1/0',
          timeMs: 30_000,
          level: LogLevel.WARN,
          event: 'fault_start',
          componentId: 'db',
          message: 'crash on db for 20 s',
          attributes: attributesToProto({ durationSec: 20, type: 'crash' }),
        },
        { id: 'sim-1/r1/1', timeMs: 60_000, level: LogLevel.INFO, event: 'run_end', message: 'done', attributes: {} },
        { id: 'sim-1/r1/2', level: LogLevel.DEBUG, componentId: '' },
        { id: 'sim-1/r1/3', level: LogLevel.ERROR },
      ],
    };
    const decoded = decodeLogBatch(encodeLogBatch(batch));
    expect(decoded).toMatchObject(batch);
    expect(decoded.records[1].componentId).toBeUndefined();
    expect(decoded.records[2].componentId).toBe('');
  });
});

describe('the bus codec', () => {
  it('encodes an empty batch as little more than its ids', () => {
    const bytes = encodeSpanBatch({ simulationId: 'sim-1', batchId: 'b-0' });
    expect(bytes.byteLength).toBe(2 + 'sim-1'.length + 2 + 'b-0'.length);
    expect(decodeSpanBatch(bytes).traces).toEqual([]);
  });

  it('rejects garbage bytes with an error naming the expected type and the payload size', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(() => decodeMetricBatch(garbage)).toThrow(BusMessageError);
    expect(() => decodeMetricBatch(garbage)).toThrow('architech.v1.MetricBatch: not a valid message (5 bytes)');
    try {
      decodeMetricBatch(garbage);
    } catch (error) {
      expect(error).toMatchObject({ code: 'bus_message_invalid', messageType: 'architech.v1.MetricBatch', byteLength: 5 });
    }
  });

  it('rejects JSON sent where protobuf binary is expected', () => {
    expect(() => decodeSimulationJob(new TextEncoder().encode('{"simulationId":"sim-1"}'))).toThrow(BusMessageError);
  });

  it('rejects a message without the simulation id it is keyed by, both ways', () => {
    expect(() => decodeLogBatch(new Uint8Array())).toThrow('architech.v1.LogBatch: simulation_id is empty');
    expect(() => encodeSimulationJob({ designJson: '{}' })).toThrow('architech.v1.SimulationJob: simulation_id is empty');
  });

  it('keeps fields from a newer schema and passes them on when re-encoding', () => {
    const known = toBinary(MetricBatchSchema, create(MetricBatchSchema, { simulationId: 'sim-1', bucketSec: 1 }));
    const fieldFromTheFuture = new Uint8Array([0x98, 0x06, 0x2a]); // field 99, varint 42
    const bytes = new Uint8Array([...known, ...fieldFromTheFuture]);
    const decoded = decodeMetricBatch(bytes);
    expect(decoded.bucketSec).toBe(1);
    expect(encodeMetricBatch(decoded)).toEqual(bytes);
  });
});

describe('the bus topics', () => {
  it('name one topic per message kind', () => {
    expect(BUS_TOPICS).toEqual({
      simulationJobs: 'architech.simulation.jobs',
      simulationStatus: 'architech.simulation.status',
      metrics: 'architech.telemetry.metrics',
      spans: 'architech.telemetry.spans',
      logs: 'architech.telemetry.logs',
      telemetryStatus: 'architech.telemetry.status',
    });
  });
});

describe('telemetry completeness marks', () => {
  const manifest = { metrics: 5, spans: 0, logs: 2 };

  it('read back the batch and manifest a final publication writes', () => {
    const headers = { [TELEMETRY_HEADERS.batch]: 'logs:1', [TELEMETRY_HEADERS.manifest]: formatTelemetryManifest(manifest) };
    expect(headers[TELEMETRY_HEADERS.manifest]).toBe('metrics=5,spans=0,logs=2');
    expect(parseTelemetryMark(headers)).toEqual({ kind: 'logs', index: 1, manifest });
  });

  it('are absent from unmarked (live) batches and refused when malformed', () => {
    expect(parseTelemetryMark({})).toBeUndefined();
    expect(parseTelemetryMark({ [TELEMETRY_HEADERS.batch]: 'traces:1', [TELEMETRY_HEADERS.manifest]: 'metrics=5,spans=0,logs=2' })).toBeUndefined();
    expect(parseTelemetryMark({ [TELEMETRY_HEADERS.batch]: 'logs:1', [TELEMETRY_HEADERS.manifest]: 'metrics=5,logs=2' })).toBeUndefined();
    expect(parseTelemetryMark({ [TELEMETRY_HEADERS.batch]: 'logs:1', [TELEMETRY_HEADERS.manifest]: 'metrics=five,spans=0,logs=2' })).toBeUndefined();
  });

  it('acknowledge a simulation in JSON, and refuse anything else', () => {
    const event = { simulationId: 'sim-1', landedAt: '2026-12-04T17:00:00.000Z' };
    expect(decodeTelemetryLanded(encodeTelemetryLanded(event))).toEqual(event);
    expect(() => decodeTelemetryLanded(new TextEncoder().encode('{"simulationId":1}'))).toThrow(/not a TelemetryLandedEvent/);
    expect(() => decodeTelemetryLanded(new Uint8Array([0xff, 0x00]))).toThrow(SyntaxError);
  });
});

describe('span and log attributes', () => {
  it('carry safe integers as int64, other numbers as double, and come back as the engine wrote them', () => {
    const engine = { hop: 3, ratio: 0.25, huge: 2 ** 60, id: 'c1', unfinished: false };
    const proto = attributesToProto(engine);
    expect(proto.hop.value).toEqual({ case: 'intValue', value: 3n });
    expect(proto.ratio.value).toEqual({ case: 'doubleValue', value: 0.25 });
    expect(proto.huge.value).toEqual({ case: 'doubleValue', value: 2 ** 60 });
    expect(proto.unfinished.value).toEqual({ case: 'boolValue', value: false });
    expect(attributesFromProto(proto)).toEqual(engine);
  });

  it('leave out a value whose kind is unset', () => {
    expect(attributesFromProto({ empty: { $typeName: 'architech.v1.AttributeValue', value: { case: undefined } } })).toEqual({});
  });
});
