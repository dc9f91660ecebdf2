import { create, toBinary } from '@bufbuild/protobuf';
import { LogBatchSchema, LogLevel } from './architech/v1/log_batch_pb';
import { MetricBatchSchema } from './architech/v1/metric_batch_pb';
import { SpanBatchSchema, SpanKind, TraceKeepReason, TraceStatus } from './architech/v1/span_batch_pb';
import {
  decodeLogBatch,
  decodeMetricBatch,
  decodeSpanBatch,
  encodeLogBatch,
  encodeMetricBatch,
  encodeSpanBatch,
  type MetricBatchMessage,
  type SpanBatchMessage,
} from './index';

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
