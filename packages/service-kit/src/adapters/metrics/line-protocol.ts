import type { MetricPoint } from '../../ports/metric-store.port';
import { MetricStoreError } from './metric-store-error';

// Characters a name cannot contain, and characters a backslash cannot precede, in any InfluxDB's
// line protocol. 1.x and 2.x (one Go parser) keep `\\` as two backslashes and cannot end a tag
// value with a backslash at all; 3.x reads `\\` as one. A backslash elsewhere is literal in all
// three, so it is written as is, and only the spellings the versions disagree on are refused.
const NEWLINE = /[\r\n]/;
const AMBIGUOUS_BACKSLASH = /\\(?=[\\, =]|$)/;

function checkName(what: string, name: string): void {
  if (NEWLINE.test(name) || AMBIGUOUS_BACKSLASH.test(name)) {
    throw new MetricStoreError(
      'invalid_point',
      `${what} ${JSON.stringify(name)} cannot be written to InfluxDB: line protocol has no way to spell a newline, or a backslash before a backslash, comma, space, equals sign or the end`,
      { [what]: name },
    );
  }
}

/**
 * A measurement name in line protocol: commas and spaces escaped with a backslash.
 *
 * @example `escapeMeasurement('queue length') === 'queue\\ length'`
 */
export function escapeMeasurement(name: string): string {
  checkName('measurement', name);
  return name.replace(/[, ]/g, '\\$&');
}

/**
 * A tag key or tag value in line protocol: commas, equals signs and spaces escaped with a
 * backslash; quotes are ordinary characters there.
 *
 * @example `escapeTag('web, "eu"=1') === 'web\\,\\ "eu"\\=1'`
 */
export function escapeTag(text: string): string {
  checkName('tag', text);
  return text.replace(/[,= ]/g, '\\$&');
}

/** Line protocol timestamps are integers at the write's precision: milliseconds here. */
export function timestampMs(timeSec: number): number {
  return Math.round(timeSec * 1000);
}

/**
 * One point as a line: measurement = metric; tags in the byte order InfluxDB sorts them into
 * anyway (it then skips sorting); the float field `value`; the simulated time as a timestamp
 * from epoch 0, so the same (series, time) overwrites instead of adding a point.
 *
 * @example
 * ```ts
 * toLine({ simulationId: 's1', componentId: 'web', componentType: 'SERVICE', metric: 'throughput', timeSec: 2, value: 80 })
 * // 'throughput,component_id=web,component_type=SERVICE,simulation_id=s1 value=80 2000'
 * ```
 */
export function toLine(point: MetricPoint): string {
  return (
    `${escapeMeasurement(point.metric)},component_id=${escapeTag(point.componentId)},` +
    `component_type=${escapeTag(point.componentType)},simulation_id=${escapeTag(point.simulationId)} ` +
    `value=${point.value} ${timestampMs(point.timeSec)}`
  );
}
