import { create, toBinary } from '@bufbuild/protobuf';
import { LogBatchSchema, LogLevel } from './architech/v1/log_batch_pb';
import { MetricBatchSchema } from './architech/v1/metric_batch_pb';
import { SpanBatchSchema, SpanKind, TraceKeepReason, TraceStatus } from './architech/v1/span_batch_pb';
import { AttributeValueSchema } from './architech/v1/common_pb';
import { attributesFromProto, attributesToProto } from './attributes';
import {
  BUS_TOPICS,
  BusMessageError,
  decodeLogBatch,
  decodeMetricBatch,
  decodeSpanBatch,
  decodeTelemetryLanded,
  encodeLogBatch,
  encodeMetricBatch,
  encodeSpanBatch,
  encodeTelemetryLanded,
  formatTelemetryManifest,
  parseTelemetryMark,
  TELEMETRY_HEADERS,
  type MetricBatchMessage,
  type SpanBatchMessage,
} from './index';

const BEYOND_DOUBLE_PRECISION = 2n ** 53n + 1n;

describe('a metric batch on the bus', () => {
  it('round-trips columnar series with their doubles bit for bit', () => {
    const batch: MetricBatchMessage = {
      simulationId: 'sim-1',
      batchId: 'sim-1/r1/0-59',
      bucketSec: 1,
      series: [
        { componentId: 'web', componentType: 'SERVICE', metric: 'latencyP95', startSec: 0, values: [12.5, 0.1 + 0.2, 1e300, -0, 5e-324] },
        { componentId: '_end_to_end', componentType: 'END_TO_END', metric: 'throughput', startSec: 30, values: [79, 80, 81] },
      ],
    };
    const decoded = decodeMetricBatch(encodeMetricBatch(batch));
    expect(decoded).toEqual(batch);
    expect(Object.is(decoded.series[0]!.values[3], -0)).toBe(true);
  });

  it('rejects an unknown metric, a bucket under 1 s, a missing batch id or component, naming the field', () => {
    const raw = (fields: Record<string, unknown>) => toBinary(MetricBatchSchema, create(MetricBatchSchema, { simulationId: 's', batchId: 'b', bucketSec: 1, ...fields }));
    expect(() => decodeMetricBatch(raw({ series: [{ componentId: 'web', metric: 'latencyP95' }, { componentId: 'web', metric: 'p999' }] }))).toThrow(
      /^architech\.v1\.MetricBatch: series\[1\]\.metric 'p999' is none of arrivals, completions/,
    );
    expect(() => decodeMetricBatch(raw({ bucketSec: 0 }))).toThrow('bucket_sec must be a number in [1, Infinity], got 0');
    expect(() => decodeMetricBatch(raw({ batchId: '' }))).toThrow('architech.v1.MetricBatch: batch_id is empty');
    expect(() => decodeMetricBatch(raw({ series: [{ componentId: '', metric: 'arrivals' }] }))).toThrow('series[0].component_id is empty');
  });
});

describe('a span batch on the bus', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const span = { traceId, parentSpanId: null, componentType: 'SERVICE', attributes: {} };
  const batch: SpanBatchMessage = {
    simulationId: 'sim-1',
    batchId: 'sim-1/r1/traces/0',
    traces: [
      {
        traceId,
        rootComponentId: 'client',
        startMs: 1000.25,
        durationMs: 42.5,
        status: 'ERROR',
        reason: 'error',
        linkedTraceId: '0af7651916cd43dd8448eb211c80319c',
        spans: [
          { ...span, spanId: '00f067aa0ba902b7', name: 'client request', kind: 'CLIENT', componentId: 'client', componentType: 'CLIENT', startMs: 1000.25, endMs: 1042.75, durationMs: 42.5, status: { code: 'ERROR', message: 'timeout' }, attributes: { attempt: 2, connection: 'c1', unfinished: true, weight: 0.5 } },
          { ...span, spanId: '53995c3f42cd8ad8', parentSpanId: '00f067aa0ba902b7', name: 'queue deliver', kind: 'CONSUMER', componentId: 'queue', componentType: 'QUEUE', startMs: 1001, endMs: 1002, durationMs: 1, status: { code: 'UNSET' } },
          { ...span, spanId: 'a2fb4a1d1a96d312', name: 'api', kind: 'SERVER', componentId: 'api', startMs: 1001, endMs: 1001, durationMs: 0, status: { code: 'OK' } },
        ],
      },
      { traceId: 'ab'.repeat(16), rootComponentId: 'client', startMs: 0, durationMs: 1, status: 'OK', reason: 'slow', spans: [] },
    ],
  };

  it('round-trips traces as the engine wrote them: named enums, attributes of every value kind', () => {
    expect(decodeSpanBatch(encodeSpanBatch(batch))).toEqual(batch);
  });

  it('rejects a trace or span whose enum is unspecified or unknown, or that has no id', () => {
    const raw = (trace: Record<string, unknown>) => toBinary(SpanBatchSchema, create(SpanBatchSchema, { simulationId: 's', batchId: 'b', traces: [{ traceId, status: TraceStatus.OK, reason: TraceKeepReason.SAMPLED, ...trace }] }));
    expect(() => decodeSpanBatch(raw({ status: TraceStatus.UNSPECIFIED }))).toThrow('architech.v1.SpanBatch: traces[0].status has code 0, which is none of OK, ERROR');
    expect(() => decodeSpanBatch(raw({ reason: 7 }))).toThrow('traces[0].reason has code 7, which is none of sampled, error, slow');
    expect(() => decodeSpanBatch(raw({ spans: [{ spanId: 'a', kind: SpanKind.UNSPECIFIED }] }))).toThrow('traces[0].spans[0].kind has code 0');
    expect(() => decodeSpanBatch(raw({ spans: [{ spanId: '', kind: SpanKind.SERVER }] }))).toThrow('traces[0].spans[0].span_id is empty');
    expect(() => decodeSpanBatch(raw({ traceId: '' }))).toThrow('traces[0].trace_id is empty');
  });

  it('encodes an empty batch as little more than its ids', () => {
    const bytes = encodeSpanBatch({ simulationId: 'sim-1', batchId: 'b-0', traces: [] });
    expect(bytes.byteLength).toBe(2 + 'sim-1'.length + 2 + 'b-0'.length);
    expect(decodeSpanBatch(bytes).traces).toEqual([]);
  });
});

describe('a log batch on the bus', () => {
  it('round-trips records, telling a record about the whole run (null component) from an empty id', () => {
    const batch = {
      simulationId: 'sim-1',
      batchId: 'sim-1/r1/logs/0',
      records: [
        { id: '0', timeMs: 30_000, level: 'warn' as const, event: 'fault_start', componentId: 'db', message: 'crash on db for 20 s', attributes: { durationSec: 20, type: 'crash' } },
        { id: '1', timeMs: 60_000, level: 'info' as const, event: 'run_end', componentId: null, message: 'done', attributes: {} },
        { id: '2', timeMs: 0, level: 'debug' as const, event: '', componentId: '', message: '', attributes: {} },
        { id: '3', timeMs: 0, level: 'error' as const, event: '', componentId: null, message: '', attributes: {} },
      ],
    };
    expect(decodeLogBatch(encodeLogBatch(batch))).toEqual(batch);
  });

  it('rejects a record without an id or a level', () => {
    const raw = (record: Record<string, unknown>) => toBinary(LogBatchSchema, create(LogBatchSchema, { simulationId: 's', batchId: 'b', records: [{ id: 'r', level: LogLevel.INFO, ...record }] }));
    expect(() => decodeLogBatch(raw({ level: LogLevel.UNSPECIFIED }))).toThrow('architech.v1.LogBatch: records[0].level has code 0, which is none of debug, info, warn, error');
    expect(() => decodeLogBatch(raw({ id: '' }))).toThrow('records[0].id is empty');
  });
});

describe('the bus codecs', () => {
  it('reject garbage bytes with an error naming the expected type and the payload size', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(() => decodeMetricBatch(garbage)).toThrow(BusMessageError);
    expect(() => decodeMetricBatch(garbage)).toThrow('architech.v1.MetricBatch: not a valid message (5 bytes)');
    try {
      decodeMetricBatch(garbage);
    } catch (error) {
      expect(error).toMatchObject({ code: 'bus_message_invalid', messageType: 'architech.v1.MetricBatch', byteLength: 5 });
    }
  });

  it('reject a message without the simulation id it is keyed by, both ways', () => {
    expect(() => decodeLogBatch(new Uint8Array())).toThrow('architech.v1.LogBatch: simulation_id is empty');
    expect(() => encodeMetricBatch({ simulationId: '', batchId: 'b', bucketSec: 1, series: [] })).toThrow('architech.v1.MetricBatch: simulation_id is empty');
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
    expect(proto.hop!.value).toEqual({ case: 'intValue', value: 3n });
    expect(proto.ratio!.value).toEqual({ case: 'doubleValue', value: 0.25 });
    expect(proto.huge!.value).toEqual({ case: 'doubleValue', value: 2 ** 60 });
    expect(proto.unfinished!.value).toEqual({ case: 'boolValue', value: false });
    expect(attributesFromProto(proto)).toEqual(engine);
  });

  it('keep integers beyond double precision as the nearest double', () => {
    expect(attributesFromProto({ big: create(AttributeValueSchema, { value: { case: 'intValue', value: BEYOND_DOUBLE_PRECISION } }) })).toEqual({ big: 2 ** 53 });
  });

  it('leave out a value whose kind is unset', () => {
    expect(attributesFromProto({ empty: { $typeName: 'architech.v1.AttributeValue', value: { case: undefined } } })).toEqual({});
  });
});
