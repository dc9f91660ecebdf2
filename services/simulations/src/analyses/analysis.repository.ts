import { Inject, Injectable } from '@nestjs/common';
import type { AnalysisDto, AnalysisState } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

interface Row {
  id: string;
  kind: 'review' | 'refinement';
  design_id: string;
  project_id: string;
  user_id: string;
  status: AnalysisState;
  progress: number;
  stage: string | null;
  request: Record<string, unknown>;
  timeline: unknown[];
  result: unknown;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** Minutes after which a PENDING or RUNNING analysis is taken as interrupted (a refine run stops after 5). */
export const STALE_AFTER_MIN = 15;

/** A stored analysis with its owner (the DTO leaves the user out). */
export type AnalysisRecord = AnalysisDto & { userId: string };

const COLUMNS = 'id, kind, design_id, project_id, user_id, status, progress, stage, request, timeline, result, error, created_at, finished_at';

function toRecord(r: Row): AnalysisRecord {
  return {
    id: r.id,
    kind: r.kind,
    designId: r.design_id,
    projectId: r.project_id,
    userId: r.user_id,
    status: r.status,
    progress: Number(r.progress),
    stage: r.stage,
    request: r.request,
    timeline: r.timeline ?? [],
    ...(r.result !== null && r.result !== undefined ? { result: r.result } : {}),
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

/** Reviews and refinements in Postgres; status moves only forward (guarded UPDATEs). */
@Injectable()
export class AnalysisRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** Stores a PENDING analysis unless the user already has `limit` of them pending or running (atomic, per-user lock). */
  async createWithinQuota(input: { kind: 'review' | 'refinement'; designId: string; projectId: string; userId: string; request: Record<string, unknown> }, limit: number): Promise<{ record: AnalysisRecord } | { active: number }> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('analyses.active:' || $1, 0))`, [input.userId]);
      // An analysis still open long after any could finish was cut off by a restart: close it so it no longer counts.
      await m.query(
        `UPDATE simulations.analyses SET status = 'FAILED', error = 'interrupted: the service stopped before it finished', finished_at = now() WHERE user_id = $1 AND status IN ('PENDING', 'RUNNING') AND created_at < now() - make_interval(mins => $2)`,
        [input.userId, STALE_AFTER_MIN],
      );
      const counted: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM simulations.analyses WHERE user_id = $1 AND status IN ('PENDING', 'RUNNING')`, [input.userId]);
      if (counted[0].n >= limit) return { active: counted[0].n };
      const rows: Row[] = await m.query(`INSERT INTO simulations.analyses (kind, design_id, project_id, user_id, status, request) VALUES ($1, $2, $3, $4, 'PENDING', $5) RETURNING ${COLUMNS}`, [
        input.kind,
        input.designId,
        input.projectId,
        input.userId,
        JSON.stringify(input.request),
      ]);
      return { record: toRecord(rows[0]) };
    });
  }

  async find(id: string): Promise<AnalysisRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.analyses WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async listForDesign(designId: string, kind: 'review' | 'refinement', limit: number): Promise<AnalysisRecord[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.analyses WHERE design_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT $3`, [designId, kind, limit]);
    return rows.map(toRecord);
  }

  async progress(id: string, progress: number, stage: string, timeline?: unknown[]): Promise<void> {
    if (timeline) await this.db.query(`UPDATE simulations.analyses SET status = 'RUNNING', progress = $2, stage = $3, timeline = $4 WHERE id = $1 AND status IN ('PENDING', 'RUNNING')`, [id, progress, stage, JSON.stringify(timeline)]);
    else await this.db.query(`UPDATE simulations.analyses SET status = 'RUNNING', progress = $2, stage = $3 WHERE id = $1 AND status IN ('PENDING', 'RUNNING')`, [id, progress, stage]);
  }

  async finish(id: string, outcome: { result: unknown; timeline?: unknown[] } | { error: string }): Promise<void> {
    if ('error' in outcome) {
      await this.db.query(`UPDATE simulations.analyses SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status IN ('PENDING', 'RUNNING')`, [id, outcome.error]);
      return;
    }
    await this.db.query(
      `UPDATE simulations.analyses SET status = 'COMPLETED', progress = 1, stage = 'done', result = $2, timeline = COALESCE($3::jsonb, timeline), finished_at = now() WHERE id = $1 AND status IN ('PENDING', 'RUNNING')`,
      [id, JSON.stringify(outcome.result), outcome.timeline ? JSON.stringify(outcome.timeline) : null],
    );
  }

}
