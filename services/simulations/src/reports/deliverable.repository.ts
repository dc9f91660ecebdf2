import { Inject, Injectable } from '@nestjs/common';
import type { DeliverableDto, DeliverableState, DeliverableType } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

/** A stored deliverable with its owner (the DTO leaves the user out). */
export type DeliverableRecord = DeliverableDto & { userId: string };

interface Row {
  id: string;
  simulation_id: string | null;
  check_run_id: string | null;
  project_id: string;
  user_id: string;
  type: DeliverableType;
  status: DeliverableState;
  progress: number;
  stage: string | null;
  size_bytes: string | number | null;
  file_name: string;
  content_type: string;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
  expired_at: Date | null;
  download_count: number;
}

const COLUMNS = 'id, simulation_id, check_run_id, project_id, user_id, type, status, progress, stage, size_bytes, file_name, content_type, error, created_at, finished_at, expires_at, expired_at, download_count';
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

function toRecord(r: Row): DeliverableRecord {
  return {
    id: r.id,
    simulationId: r.simulation_id,
    checkRunId: r.check_run_id,
    projectId: r.project_id,
    userId: r.user_id,
    type: r.type,
    status: r.status,
    progress: Number(r.progress),
    stage: r.stage,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    fileName: r.file_name,
    contentType: r.content_type,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: iso(r.finished_at),
    expiresAt: iso(r.expires_at),
    expiredAt: iso(r.expired_at),
    downloadCount: Number(r.download_count),
  };
}

/** What a deliverable reports on: a run or a check run. */
export type DeliverableOwner = { kind: 'simulation' | 'check'; id: string };
const ownerColumn = (owner: DeliverableOwner) => (owner.kind === 'simulation' ? 'simulation_id' : 'check_run_id');

/** TypeORM answers an UPDATE … RETURNING on Postgres with `[rows, affectedCount]`; SELECT/INSERT with rows. */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * Deliverables in Postgres (`simulations.deliverables`). Status changes are guarded UPDATEs: only
 * a `generating` deliverable becomes `ready` or `failed`, only a finished one `expired`.
 */
@Injectable()
export class DeliverableRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async create(input: { simulationId?: string; checkRunId?: string; projectId: string; userId: string; type: DeliverableType; fileName: string; contentType: string; createdAt: Date; expiresAt: Date | null }): Promise<DeliverableRecord> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO simulations.deliverables (simulation_id, check_run_id, project_id, user_id, type, status, progress, stage, file_name, content_type, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'generating', 0, 'queued', $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [input.simulationId ?? null, input.checkRunId ?? null, input.projectId, input.userId, input.type, input.fileName, input.contentType, input.createdAt, input.expiresAt],
    );
    return toRecord(rows[0]!);
  }

  async find(id: string): Promise<DeliverableRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.deliverables WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The deliverables of a run (`simulation_id`) or of a check run (`check_run_id`), newest first. */
  async listFor(owner: DeliverableOwner, limit: number): Promise<DeliverableRecord[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.deliverables WHERE ${ownerColumn(owner)} = $1 ORDER BY created_at DESC, id LIMIT $2`, [owner.id, limit]);
    return rows.map(toRecord);
  }

  /** Deliverables of a user still generating (a user may have only a few at once). */
  async generatingForUser(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM simulations.deliverables WHERE user_id = $1 AND status = 'generating'`, [userId]);
    return rows[0]!.n;
  }

  async countFor(owner: DeliverableOwner): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM simulations.deliverables WHERE ${ownerColumn(owner)} = $1`, [owner.id]);
    return rows[0]!.n;
  }

  async progress(id: string, progress: number, stage: string): Promise<void> {
    await this.db.query(`UPDATE simulations.deliverables SET progress = $2, stage = $3 WHERE id = $1 AND status = 'generating'`, [id, Math.round(progress), stage]);
  }

  async ready(id: string, content: Buffer, at: Date): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE simulations.deliverables SET status = 'ready', progress = 100, stage = NULL, content = $2, size_bytes = $3, finished_at = $4 WHERE id = $1 AND status = 'generating' RETURNING id`,
      [id, content, content.length, at],
    );
    return returned(result).length > 0;
  }

  async fail(id: string, error: string, at: Date): Promise<boolean> {
    const result = await this.db.query(`UPDATE simulations.deliverables SET status = 'failed', stage = NULL, error = $2, finished_at = $3 WHERE id = $1 AND status = 'generating' RETURNING id`, [id, error, at]);
    return returned(result).length > 0;
  }

  /** Fails deliverables generating since before `startedBefore` (their generator is gone); returns their ids. */
  async failStale(startedBefore: Date, error: string, at: Date): Promise<string[]> {
    const result = await this.db.query(`UPDATE simulations.deliverables SET status = 'failed', stage = NULL, error = $2, finished_at = $3 WHERE status = 'generating' AND created_at < $1 RETURNING id`, [startedBefore, error, at]);
    return returned<{ id: string }>(result).map((r) => r.id);
  }

  /** Marks ready and failed deliverables whose expiry is at or before `now` as expired and deletes their content; returns their ids. */
  async expireDue(now: Date, limit: number): Promise<string[]> {
    const result = await this.db.query(
      `UPDATE simulations.deliverables SET status = 'expired', content = NULL, expired_at = $1
       WHERE id IN (SELECT id FROM simulations.deliverables WHERE status IN ('ready', 'failed') AND expires_at IS NOT NULL AND expires_at <= $1 ORDER BY expires_at LIMIT $2)
       RETURNING id`,
      [now, limit],
    );
    return returned<{ id: string }>(result).map((r) => r.id);
  }

  /** The content of a ready deliverable, counting the download; undefined when it is not ready. */
  async takeContent(id: string): Promise<Buffer | undefined> {
    const result = await this.db.query(`UPDATE simulations.deliverables SET download_count = download_count + 1 WHERE id = $1 AND status = 'ready' RETURNING content`, [id]);
    const row = returned<{ content: Buffer | Uint8Array | null }>(result)[0];
    return row?.content ? Buffer.from(row.content) : undefined;
  }
}
