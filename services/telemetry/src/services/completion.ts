import { Inject, Injectable, Logger } from '@nestjs/common';
import { BUS_TOPICS, encodeTelemetryLanded, formatTelemetryManifest, parseTelemetryMark, TELEMETRY_KINDS } from '@architech/contracts';
import { DATA_SOURCE, type EventBus } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { EVENT_BUS } from '../tokens';

/**
 * Tells the simulations service when a simulation's final telemetry has all been stored: each
 * stored batch of the final publication (marked by TELEMETRY_HEADERS) is recorded in
 * `telemetry.landed_batches`; the instance that stores the last one publishes a
 * TelemetryLandedEvent on `BUS_TOPICS.telemetryStatus`. Instances share the table, so batches of
 * one run stored by different instances still add up; a repeated acknowledgement is harmless.
 */
@Injectable()
export class TelemetryCompletion {
  private readonly logger = new Logger('telemetry-completion');

  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  /** Called after a batch is stored; `headers` are its bus message's. */
  async landed(simulationId: string, headers: Readonly<Record<string, string>>): Promise<void> {
    const mark = parseTelemetryMark(headers);
    if (!mark) return;
    const manifest = formatTelemetryManifest(mark.manifest);
    await this.db.query(`INSERT INTO telemetry.landed_batches (simulation_id, manifest, kind, batch_index) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      simulationId,
      manifest,
      mark.kind,
      mark.index,
    ]);
    const rows: { kind: string; n: number }[] = await this.db.query(
      `SELECT kind, count(*)::int AS n FROM telemetry.landed_batches WHERE simulation_id = $1 AND manifest = $2 GROUP BY kind`,
      [simulationId, manifest],
    );
    const landed = new Map(rows.map((r) => [r.kind, Number(r.n)]));
    if (TELEMETRY_KINDS.some((kind) => (landed.get(kind) ?? 0) < mark.manifest[kind])) return;
    await this.bus.publish(BUS_TOPICS.telemetryStatus, [{ key: simulationId, value: encodeTelemetryLanded({ simulationId, landedAt: new Date().toISOString() }) }]);
    this.logger.debug(`final telemetry of ${simulationId} stored (${manifest})`);
  }
}
