import { Inject, Injectable } from '@nestjs/common';
import type { ShareLinkDto } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

interface Row {
  id: string;
  simulation_id: string;
  project_id: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  access_count: number;
  last_access_at: Date | null;
}

/** A stored share link with the project it belongs to (the DTO leaves the project out). */
export type ShareLinkRecord = Omit<ShareLinkDto, 'state'> & { projectId: string };

const COLUMNS = 'id, simulation_id, project_id, created_by, created_at, expires_at, revoked_at, access_count, last_access_at';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toRecord(r: Row): ShareLinkRecord {
  return {
    id: r.id,
    simulationId: r.simulation_id,
    projectId: r.project_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    expiresAt: iso(r.expires_at)!,
    revokedAt: iso(r.revoked_at),
    accessCount: Number(r.access_count),
    lastAccessAt: iso(r.last_access_at),
  };
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with `[rows, affectedCount]`. */
function returned(result: unknown): Row[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Row[];
  return result as Row[];
}

/**
 * `simulations.share_links`: links are found by the SHA-256 of their token, never by the token.
 * Built on the data source, or ({@link in}) on a transaction's manager, so a link's change commits
 * with its audit event.
 */
@Injectable()
export class ShareLinkRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: Pick<DataSource, 'query'>) {}

  /** The same repository on a transaction's manager. */
  in(manager: EntityManager): ShareLinkRepository {
    return new ShareLinkRepository(manager);
  }

  async create(input: { tokenHash: string; simulationId: string; projectId: string; createdBy: string; createdAt: Date; expiresAt: Date }): Promise<ShareLinkRecord> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO simulations.share_links (token_hash, simulation_id, project_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [input.tokenHash, input.simulationId, input.projectId, input.createdBy, input.createdAt, input.expiresAt],
    );
    return toRecord(rows[0]!);
  }

  /** Links of a run still usable at `now` (neither revoked nor expired). */
  async countActive(simulationId: string, now: Date): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM simulations.share_links WHERE simulation_id = $1 AND revoked_at IS NULL AND expires_at > $2`, [simulationId, now]);
    return rows[0]!.n;
  }

  /** A run's links, newest first (at most `limit`). */
  async listForSimulation(simulationId: string, limit: number): Promise<ShareLinkRecord[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.share_links WHERE simulation_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [simulationId, limit]);
    return rows.map(toRecord);
  }

  async find(simulationId: string, id: string): Promise<ShareLinkRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.share_links WHERE simulation_id = $1 AND id = $2`, [simulationId, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Marks the link revoked at `now` unless it already was; answers whether this call revoked it. */
  async revoke(simulationId: string, id: string, now: Date): Promise<boolean> {
    const rows = returned(await this.db.query(`UPDATE simulations.share_links SET revoked_at = $3 WHERE simulation_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [simulationId, id, now]));
    return rows.length > 0;
  }

  /** The link of `tokenHash` if usable at `now`. */
  async findUsable(tokenHash: string, now: Date): Promise<ShareLinkRecord | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM simulations.share_links WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`, [tokenHash, now]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Counts one access to the link of `tokenHash` if it is usable at `now` (one atomic statement); answers the link as counted. */
  async recordAccess(tokenHash: string, now: Date): Promise<ShareLinkRecord | undefined> {
    const rows = returned(await this.db.query(
      `UPDATE simulations.share_links SET access_count = access_count + 1, last_access_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING ${COLUMNS}`,
      [tokenHash, now],
    ));
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}
