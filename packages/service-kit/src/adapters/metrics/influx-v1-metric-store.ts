import type { MetricPoint, MetricQuery, MetricSeries, MetricStore } from '../../ports/metric-store.port';
import { InfluxV1Http, type InfluxSeries, type InfluxV1Connection } from './influx-v1-http';
import { quoteIdentifier, quoteString, timeLiteral } from './influxql';
import { timestampMs, toLine } from './line-protocol';
import { storablePoints } from './metric-point-rules';
import { checkMetricQuery, orderSeries, planDownsampling, queriedComponents, type DownsamplingPlan } from './metric-query-rules';

/** Simulation ids one `DROP SERIES` of {@link InfluxV1MetricStore.deleteSimulations} names. */
const DROP_SIMULATIONS_PER_STATEMENT = 50;

export interface InfluxV1MetricStoreOptions extends InfluxV1Connection {
  /** Lines per `/write` request; default 5000 (InfluxData's advice for batch size). */
  batchPoints?: number;
}

/**
 * The metric store on InfluxDB through its v1 HTTP API only, so one adapter serves InfluxDB 1.x,
 * 2.x (v1 compatibility, a DBRP mapping for the database) and 3.x. One measurement per metric;
 * tags `simulation_id`, `component_id`, `component_type`; field `value`; timestamp = simulated
 * time from epoch 0 at millisecond precision. A rewritten point lands on the same series and
 * timestamp, which InfluxDB overwrites: that is what makes writes idempotent. A component keeps
 * one type within a simulation (the type is part of the series).
 *
 * Timestamps in 1970 mean the retention policy (2.x/3.x: the bucket) must keep data forever: a
 * finite one drops every point as too old. `ensureDatabase` and `deleteSimulation` use
 * `CREATE DATABASE` and `DROP SERIES`, which only 1.x accepts over this API; on 2.x/3.x create
 * the bucket with the server's own tools, and `deleteSimulation` reports InfluxDB's refusal.
 *
 * @example
 * ```ts
 * const store = new InfluxV1MetricStore({ url: 'http://influxdb:8086', database: 'architech' });
 * await store.ensureDatabase();
 * await store.write(points);
 * ```
 */
export class InfluxV1MetricStore implements MetricStore {
  private readonly http: InfluxV1Http;
  private readonly batchPoints: number;

  constructor(private readonly options: InfluxV1MetricStoreOptions) {
    this.http = new InfluxV1Http(options);
    this.batchPoints = options.batchPoints ?? 5000;
  }

  /**
   * Creates the database unless it exists (`CREATE DATABASE` is idempotent in InfluxQL). InfluxDB
   * 2.x/3.x refuse `CREATE DATABASE` over the v1 API: there the bucket must already exist (docker
   * compose creates it), which a query on it proves; otherwise the refusal is reported with what to do.
   */
  async ensureDatabase(): Promise<void> {
    try {
      await this.http.query(`CREATE DATABASE ${quoteIdentifier(this.options.database)}`, { mutating: true });
    } catch (refused) {
      try {
        await this.http.query('SHOW MEASUREMENTS LIMIT 1');
      } catch {
        const reason = refused instanceof Error ? refused.message : String(refused);
        throw new Error(`InfluxDB database '${this.options.database}' neither exists nor can be created (${reason}); on InfluxDB 2.x/3.x create a bucket of that name (with a DBRP mapping) first`);
      }
    }
  }

  async write(points: MetricPoint[]): Promise<void> {
    // Every line is built first, so a point InfluxDB cannot spell refuses the batch before any of it is sent.
    const lines = storablePoints(points).map(toLine);
    // One request after another: a point repeated in a later request must win, as it would in one.
    for (let start = 0; start < lines.length; start += this.batchPoints) {
      await this.http.write(lines.slice(start, start + this.batchPoints).join('\n'));
    }
  }

  async query(query: MetricQuery): Promise<MetricSeries[]> {
    checkMetricQuery(query);
    // InfluxQL has no empty disjunction to write: nothing can match, so nothing is asked.
    if (queriedComponents(query)?.length === 0) return [];
    const from = `FROM ${this.measurement(query.metric)} WHERE ${this.filter(query)}`;
    let plan: DownsamplingPlan | null = null;
    if (query.maxPoints !== undefined) {
      const [counts, first, last] = await this.http.query(
        `SELECT count("value") ${from} GROUP BY "component_id"; SELECT first("value") ${from}; SELECT last("value") ${from}`,
      );
      if (counts.length === 0) return [];
      const firstMs = Number(first[0].values[0][0]);
      const lastMs = Number(last[0].values[0][0]);
      const largestSeries = Math.max(...counts.map((series) => Number(series.values[0][1])));
      plan = planDownsampling({ firstSec: firstMs / 1000, lastSec: lastMs / 1000, largestSeries }, query.maxPoints);
    }
    const tags = '"component_id", "component_type"';
    // GROUP BY time() also needs both time bounds, or InfluxDB 1.x buckets from 1677 up to now().
    const statement = plan
      ? `SELECT mean("value") ${from} AND time >= ${timeLiteral(timestampMs(plan.originSec))} AND time <= ${timeLiteral(timestampMs(plan.lastSec))} ` +
        `GROUP BY time(${plan.bucketSec}s, ${offsetMs(plan)}ms), ${tags} fill(none)`
      : `SELECT "value" ${from} GROUP BY ${tags}`;
    const [series] = await this.http.query(statement);
    return orderSeries(series.map((s) => toMetricSeries(s, query.metric)));
  }

  async deleteSimulation(simulationId: string): Promise<void> {
    await this.http.query(`DROP SERIES WHERE "simulation_id" = ${quoteString(simulationId)}`, { mutating: true });
  }

  /**
   * `DROP SERIES` for a few dozen simulations per statement (one `OR` of tag equalities each), so
   * no statement grows without bound. Per run, never by time: the points carry simulated time
   * from epoch 0, so neither a retention policy nor `DELETE WHERE time < …` can tell an old run
   * from a new one.
   */
  async deleteSimulations(simulationIds: readonly string[]): Promise<void> {
    for (let from = 0; from < simulationIds.length; from += DROP_SIMULATIONS_PER_STATEMENT) {
      const ids = simulationIds.slice(from, from + DROP_SIMULATIONS_PER_STATEMENT);
      await this.http.query(`DROP SERIES WHERE ${ids.map((id) => `"simulation_id" = ${quoteString(id)}`).join(' OR ')}`, { mutating: true });
    }
  }

  /** Nothing to release: requests go through the process-wide fetch connection pool. */
  async close(): Promise<void> {}

  private measurement(metric: string): string {
    const { database, retentionPolicy } = this.options;
    return retentionPolicy ? `${quoteIdentifier(database)}.${quoteIdentifier(retentionPolicy)}.${quoteIdentifier(metric)}` : quoteIdentifier(metric);
  }

  private filter(query: MetricQuery): string {
    const clauses = [`"simulation_id" = ${quoteString(query.simulationId)}`];
    const components = queriedComponents(query);
    // Tag equalities, not a regex: each id is quoted as a plain string, so no character of it means anything.
    if (components !== undefined) clauses.push(`(${components.map((id) => `"component_id" = ${quoteString(id)}`).join(' OR ')})`);
    // The bounds are rounded as the timestamps were, so a bound equal to a point's time includes it.
    if (query.fromSec !== undefined) clauses.push(`time >= ${timeLiteral(timestampMs(query.fromSec))}`);
    if (query.toSec !== undefined) clauses.push(`time <= ${timeLiteral(timestampMs(query.toSec))}`);
    return clauses.join(' AND ');
  }
}

/** GROUP BY time() buckets start at epoch + offset + k·width: the offset puts one at the origin. */
function offsetMs(plan: DownsamplingPlan): number {
  const widthMs = plan.bucketSec * 1000;
  return ((Math.round(plan.originSec * 1000) % widthMs) + widthMs) % widthMs;
}

function toMetricSeries(series: InfluxSeries, metric: string): MetricSeries {
  return {
    componentId: series.tags?.component_id ?? '',
    componentType: series.tags?.component_type ?? '',
    metric,
    points: series.values.map(([timeMs, value]) => ({ timeSec: Number(timeMs) / 1000, value: Number(value) })),
  };
}
