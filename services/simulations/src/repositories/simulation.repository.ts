import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import type { SimulationStatus } from '../entities/simulation.entity';

/** A simulation row as the service uses it. */
export interface SimulationRecord {
  id: string;
  designId: string;
  projectId: string;
  userId: string;
  status: SimulationStatus;
  progress: number;
  configuration: Record<string, unknown>;
  error: string | null;
  cancelRequested: boolean;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** When telemetry acknowledged storing the run's final telemetry (see TELEMETRY_HEADERS). */
  telemetryCompleteAt: Date | null;
  /** When retention deleted the run's telemetry, and the retention in days that did (docs/data-lifecycle.md). */
  telemetryExpiredAt: Date | null;
  telemetryRetentionDays: number | null;
  /** PENDING and queued on an engine pool: its place (1 = next). */
  queuePosition: number | null;
}

/** The stored result of a completed simulation. */
export interface SimulationResultRecord {
  summary: unknown;
  ci95: unknown;
  settings: unknown;
  replications: number;
  events: number;
  wallMs: number;
  faults: unknown;
  /** The run's cost (`SimulationCostDto`), when its design has provider blocks. */
  cost?: unknown;
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with `[rows, affectedCount]`; SELECT/INSERT with rows. */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const COLUMNS = `id, design_id, project_id, user_id, status, progress, configuration, error, cancel_requested, created_at, started_at, finished_at, telemetry_complete_at, telemetry_expired_at, telemetry_retention_days, queue_position`;

interface Row {
  id: string;
  design_id: string;
  project_id: string;
  user_id: string;
  status: SimulationStatus;
  progress: number;
  configuration: Record<string, unknown>;
  error: string | null;
  cancel_requested: boolean;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  telemetry_complete_at: Date | null;
  telemetry_expired_at: Date | null;
  telemetry_retention_days: number | null;
  queue_position: number | null;
}

function toRecord(r: Row): SimulationRecord {
  return {
    id: r.id,
    designId: r.design_id,
    projectId: r.project_id,
    userId: r.user_id,
    status: r.status,
    progress: Number(r.progress),
    configuration: r.configuration,
    error: r.error,
    cancelRequested: r.cancel_requested,
    createdAt: new Date(r.created_at),
    startedAt: r.started_at ? new Date(r.started_at) : null,
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
    telemetryCompleteAt: r.telemetry_complete_at ? new Date(r.telemetry_complete_at) : null,
    telemetryExpiredAt: r.telemetry_expired_at ? new Date(r.telemetry_expired_at) : null,
    telemetryRetentionDays: r.telemetry_retention_days ?? null,
    queuePosition: r.queue_position ?? null,
  };
}

/**
 * Simulations and results in Postgres. Every status change is a guarded UPDATE (`WHERE status IN
 * …`), so concurrent workers, cancels and sweeps cannot move a simulation backwards.
 */
@Injectable()
export class SimulationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /**
   * Stores a PENDING simulation unless its user already has `limit` simulations PENDING or
   * RUNNING; the count and the insert are one atomic step: a transaction holding a per-user
   * advisory lock, so concurrent launches by one user queue on the lock and each counts the rows
   * committed by the ones before it (on PostgreSQL and on PGlite alike).
   */
  async createWithinQuota(input: { designId: string; projectId: string; userId: string; configuration: Record<string, unknown> }, limit: number): Promise<{ record: SimulationRecord } | { active: number }> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('simulations.active:' || $1, 0))`, [input.userId]);
      const counted: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM simulations.simulations WHERE user_id = $1 AND status IN ('PENDING', 'RUNNING')`, [input.userId]);
      if (counted[0].n >= limit) return { active: counted[0].n };
      const rows: Row[] = await m.query(
        `INSERT INTO simulations.simulations (design_id, project_id, user_id, status, configuration) VALUES ($1, $2, $3, 'PENDING', $4) RETURNING ${COLUMNS}`,
        [input.designId, input.projectId, input.userId, JSON.stringify(input.configuration)],
      );
      return { record: toRecord(rows[0]) };
    });
  }

  async find(id: string): Promise<SimulationRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.simulations WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async listForDesign(designId: string, limit: number): Promise<(SimulationRecord & { summary: unknown })[]> {
    const rows: (Row & { summary: unknown })[] = await this.db.query(
      `SELECT ${COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, r.summary FROM simulations.simulations s
       LEFT JOIN simulations.simulation_results r ON r.simulation_id = s.id
       WHERE s.design_id = $1 ORDER BY s.created_at DESC LIMIT $2`,
      [designId, limit],
    );
    return rows.map((r) => ({ ...toRecord(r), summary: r.summary ?? null }));
  }

  async pending(): Promise<SimulationRecord[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.simulations WHERE status = 'PENDING' ORDER BY created_at`);
    return rows.map(toRecord);
  }

  /**
   * PENDING → RUNNING for this worker, its first heartbeat at `at` (the worker's clock, as every
   * heartbeat); false when it is no longer pending (cancelled, or taken).
   */
  async start(id: string, workerId: string, at: Date): Promise<boolean> {
    const rows = returned(await this.db.query(
      `UPDATE simulations.simulations SET status = 'RUNNING', worker_id = $2, started_at = now(), heartbeat_at = $3, queue_position = NULL WHERE id = $1 AND status = 'PENDING' AND NOT cancel_requested RETURNING id`,
      [id, workerId, at],
    ));
    return rows.length > 0;
  }

  /** Records where PENDING simulations wait for an engine thread (id → 1-based place). */
  async setQueuePositions(positions: Map<string, number>): Promise<void> {
    if (positions.size === 0) return;
    await this.db.query(
      `UPDATE simulations.simulations s SET queue_position = p.position
         FROM unnest($1::uuid[], $2::int[]) AS p(id, position)
        WHERE s.id = p.id AND s.status = 'PENDING' AND s.queue_position IS DISTINCT FROM p.position`,
      [[...positions.keys()], [...positions.values()]],
    );
  }

  /** The status of `id` (or undefined when it does not exist). */
  async statusOf(id: string): Promise<SimulationStatus | undefined> {
    const rows: { status: SimulationStatus }[] = await this.db.query(`SELECT status FROM simulations.simulations WHERE id = $1`, [id]);
    return rows[0]?.status;
  }

  /**
   * Records progress (negative: keep it) and proves, at `at`, that the worker is alive; returns
   * whether the run should stop (a cancel was requested, or it is no longer RUNNING).
   */
  async heartbeat(id: string, progress: number, at: Date): Promise<boolean> {
    const rows = returned<{ cancel_requested: boolean }>(await this.db.query(
      `UPDATE simulations.simulations SET progress = CASE WHEN $2::double precision < 0 THEN progress ELSE $2 END, heartbeat_at = $3 WHERE id = $1 AND status = 'RUNNING' RETURNING cancel_requested`,
      [id, progress, at],
    ));
    return rows[0]?.cancel_requested ?? true;
  }

  /**
   * Records that telemetry stored the run's final telemetry. Only the first acknowledgement
   * counts (a redelivered one changes nothing); false when there is no such simulation.
   */
  async markTelemetryComplete(id: string, landedAt: Date): Promise<boolean> {
    const rows = returned<{ id: string }>(
      await this.db.query(`UPDATE simulations.simulations SET telemetry_complete_at = COALESCE(telemetry_complete_at, $2) WHERE id = $1 RETURNING id`, [id, landedAt]),
    );
    return rows.length > 0;
  }

  /**
   * Finished runs (COMPLETED, FAILED or CANCELLED) that finished before `finishedBefore` and whose
   * telemetry retention has not deleted yet, oldest first, at most `limit`.
   */
  async telemetryDue(finishedBefore: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM simulations.simulations WHERE telemetry_expired_at IS NULL AND finished_at IS NOT NULL AND finished_at < $1 ORDER BY finished_at, id LIMIT $2`,
      [finishedBefore, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Records that retention deleted the run's telemetry; the first record counts. False when there is no such simulation. */
  async markTelemetryExpired(id: string, expiredAt: Date, retentionDays: number): Promise<boolean> {
    const rows = returned<{ id: string }>(
      await this.db.query(
        `UPDATE simulations.simulations SET telemetry_expired_at = COALESCE(telemetry_expired_at, $2), telemetry_retention_days = COALESCE(telemetry_retention_days, $3) WHERE id = $1 RETURNING id`,
        [id, expiredAt, retentionDays],
      ),
    );
    return rows.length > 0;
  }

  /** RUNNING → COMPLETED with its result, in one transaction. */
  async complete(id: string, result: SimulationResultRecord): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows = returned(await m.query(`UPDATE simulations.simulations SET status = 'COMPLETED', progress = 1, finished_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING id`, [id]));
      if (rows.length === 0) return false;
      await m.query(
        `INSERT INTO simulations.simulation_results (simulation_id, summary, ci95, settings, replications, events, wall_ms, faults, cost) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (simulation_id) DO NOTHING`,
        [id, JSON.stringify(result.summary), result.ci95 === undefined ? null : JSON.stringify(result.ci95), JSON.stringify(result.settings), result.replications, result.events, result.wallMs, JSON.stringify(result.faults), result.cost === undefined ? null : JSON.stringify(result.cost)],
      );
      return true;
    });
  }

  /** → FAILED or CANCELLED from any state that is not final. */
  async finish(id: string, status: 'FAILED' | 'CANCELLED', error: string | null): Promise<boolean> {
    const rows = returned(await this.db.query(
      `UPDATE simulations.simulations SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status IN ('PENDING', 'RUNNING') RETURNING id`,
      [id, status, error],
    ));
    return rows.length > 0;
  }

  /** RUNNING → PENDING: this instance is shutting down; the job runs again when a worker takes it. */
  async release(id: string): Promise<boolean> {
    const rows = returned(await this.db.query(
      `UPDATE simulations.simulations SET status = 'PENDING', progress = 0, worker_id = NULL, started_at = NULL, heartbeat_at = NULL, queue_position = NULL WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
      [id],
    ));
    return rows.length > 0;
  }

  /** Asks the worker running `id` to stop (it polls this flag with its heartbeat). */
  async requestCancel(id: string): Promise<void> {
    await this.db.query(`UPDATE simulations.simulations SET cancel_requested = true WHERE id = $1`, [id]);
  }

  /** Fails the RUNNING simulations whose last heartbeat is before `silentSince`: their worker is gone. */
  async failStale(silentSince: Date, error: string): Promise<string[]> {
    const rows = returned<{ id: string }>(await this.db.query(
      `UPDATE simulations.simulations SET status = 'FAILED', error = $2, finished_at = now()
       WHERE status = 'RUNNING' AND heartbeat_at < $1 RETURNING id`,
      [silentSince, error],
    ));
    return rows.map((r) => r.id);
  }

  async result(id: string): Promise<SimulationResultRecord | undefined> {
    const rows: { summary: unknown; ci95: unknown; settings: unknown; replications: number; events: string; wall_ms: number; faults: unknown; cost: unknown }[] = await this.db.query(
      `SELECT summary, ci95, settings, replications, events, wall_ms, faults, cost FROM simulations.simulation_results WHERE simulation_id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { summary: r.summary, ci95: r.ci95 ?? undefined, settings: r.settings, replications: r.replications, events: Number(r.events), wallMs: Number(r.wall_ms), faults: r.faults, ...(r.cost ? { cost: r.cost } : {}) } : undefined;
  }
}
