import { create } from '@bufbuild/protobuf';
import { AttributeValueSchema } from './architech/v1/common_pb';
import { attributesFromProto, attributesToProto } from './attributes';
import {
  BUS_TOPICS,
  BusMessageError,
  decodeLogBatch,
  decodeMetricBatch,
  decodeTelemetryExpired,
  decodeTelemetryLanded,
  encodeMetricBatch,
  encodeTelemetryExpired,
  encodeTelemetryLanded,
  formatTelemetryManifest,
  parseTelemetryMark,
  TELEMETRY_HEADERS,
} from './index';

const BEYOND_DOUBLE_PRECISION = 2n ** 53n + 1n;

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
      telemetryExpiry: 'architech.telemetry.expiry',
      simulationsPurged: 'architech.simulation.purged',
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

describe('telemetry expiry events', () => {
  it('name the run, when and under which retention, in JSON, and refuse anything else', () => {
    const event = { simulationId: 'sim-1', expiredAt: '2026-12-05T11:00:00.000Z', retentionDays: 30 };
    expect(decodeTelemetryExpired(encodeTelemetryExpired(event))).toEqual(event);
    expect(() => decodeTelemetryExpired(new TextEncoder().encode('{"simulationId":"s","expiredAt":"x","retentionDays":0}'))).toThrow(/not a TelemetryExpiredEvent/);
    expect(() => decodeTelemetryExpired(encodeTelemetryLanded({ simulationId: 'sim-1', landedAt: 'x' }))).toThrow(/not a TelemetryExpiredEvent/);
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
