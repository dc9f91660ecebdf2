import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Component, Connection, Design } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import { QueryFailedError, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { DesignEntity } from '../entities/design.entity';
import { GraphTextCache } from './graph-text-cache';

/**
 * A version about to be saved. Its graph is already validated and given as the JSON text of its
 * two arrays, as written: the same text is sent to the database and spliced into the answer.
 */
export interface NewVersion {
  projectId: string;
  createdBy: string;
  /** Absent on version n+1: the previous version's name is kept. */
  name?: string;
  /** Absent on version n+1: the previous version's description is kept. */
  description?: string;
  graphJson: GraphJson;
}

/** A graph as the JSON text of its arrays. */
export interface GraphJson {
  components: string;
  connections: string;
}

/** The outcome of saving version n+1 on top of `baseVersion`. */
export type NextVersionOutcome =
  | { kind: 'saved'; design: DesignEntity }
  | { kind: 'lineage_not_found' }
  | { kind: 'stale_base'; latestVersion: number; latestId: string };

/** A version with the size of its graph, for lists. */
export interface DesignVersionSummary {
  design: DesignEntity;
  componentCount: number;
  connectionCount: number;
}

interface DesignRow {
  id: string;
  project_id: string;
  lineage_id: string;
  version: number;
  is_latest: boolean;
  name: string;
  description: string | null;
  created_by: string;
  created_at: Date;
}

interface SummaryRow extends DesignRow {
  component_count: number;
  connection_count: number;
}

const SELECT_SUMMARIES = `SELECT d.*,
    (SELECT count(*)::int FROM designs.components c WHERE c.design_id = d.id) AS component_count,
    (SELECT count(*)::int FROM designs.connections n WHERE n.design_id = d.id) AS connection_count
  FROM designs.designs d`;

/**
 * Inserts a version and its graph in one statement (one round trip): the version row with the id
 * $1, then its components ($8) and connections ($9), each a JSON array parsed by the server, whose
 * order is stored as `ordinal`, and the audit event $10 of the save (in the designs' audit table,
 * AUDIT_TABLE: details `{lineageId, version, name}`), so it commits with the version it records.
 * Absent optional fields are stored as NULL. The foreign keys are checked at the end of the
 * statement, when every row is in. $3 NULL: a new lineage.
 */
const INSERT_VERSION_WITH_GRAPH = `WITH d AS (
    INSERT INTO designs.designs (id, project_id, lineage_id, version, is_latest, name, description, created_by)
    VALUES ($1, $2, coalesce($3::uuid, gen_random_uuid()), $4, true, $5, $6, $7) RETURNING *),
  c AS (
    INSERT INTO designs.components (design_id, id, ordinal, type, name, properties, position)
    SELECT $1, e->>'id', (o - 1)::int, e->>'type', e->>'name', e->'properties', nullif(e->'position', 'null'::jsonb)
      FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY AS t(e, o)),
  k AS (
    INSERT INTO designs.connections (design_id, id, ordinal, source, target, properties)
    SELECT $1, e->>'id', (o - 1)::int, e->>'source', e->>'target', nullif(e->'properties', 'null'::jsonb)
      FROM jsonb_array_elements($9::jsonb) WITH ORDINALITY AS t(e, o)),
  a AS (
    INSERT INTO designs.audit_events (actor_id, action, resource_type, resource_id, project_id, details)
    SELECT created_by, $10, 'design', id, project_id, jsonb_build_object('lineageId', lineage_id, 'version', version, 'name', name) FROM d)
  SELECT * FROM d`;

/** Constraints a concurrent save from the same base trips over: the loser gets a 409 too. */
const LINEAGE_RACE_CONSTRAINTS = new Set(['designs_lineage_version_key', 'designs_one_latest_per_lineage']);

/** Lock attempts on a lineage's head; see {@link DesignVersionRepository.lockHead}. */
const HEAD_LOCK_ATTEMPTS = 3;

/**
 * Design versions and their graphs in Postgres. A version is written once, with its components,
 * connections and audit event in one transaction, and never updated except for `is_latest`.
 */
@Injectable()
export class DesignVersionRepository {
  private readonly designs: Repository<DesignEntity>;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly graphTexts: GraphTextCache,
  ) {
    this.designs = dataSource.getRepository(DesignEntity);
  }

  /** Saves version 1 of a new design under a new lineage id: one statement (its own transaction), audit event included. */
  insertFirst(version: NewVersion & { name: string }): Promise<DesignEntity> {
    return this.insertWithGraph(this.dataSource.manager, version, { lineageId: null, number: 1, name: version.name, description: version.description ?? null }, 'design.created');
  }

  /**
   * Saves version n+1 of `lineageId` if its latest version is still `baseVersion`: the head row is
   * locked, so of two saves from the same base exactly one succeeds and the other sees a stale base.
   */
  async insertNext(version: NewVersion, lineageId: string, baseVersion: number): Promise<NextVersionOutcome> {
    try {
      return await this.dataSource.transaction(async (manager): Promise<NextVersionOutcome> => {
        const head = await this.lockHead(manager, lineageId);
        if (!head || head.projectId !== version.projectId) return { kind: 'lineage_not_found' };
        if (head.version !== baseVersion) return { kind: 'stale_base', latestVersion: head.version, latestId: head.id };
        await manager.query(`UPDATE designs.designs SET is_latest = false WHERE id = $1`, [head.id]);
        const design = await this.insertWithGraph(
          manager,
          version,
          { lineageId, number: head.version + 1, name: version.name ?? head.name, description: version.description ?? head.description },
          'design.version_created',
        );
        return { kind: 'saved', design };
      });
    } catch (error) {
      if (!isLineageRace(error)) throw error;
      const head = await this.designs.findOneBy({ lineageId, isLatest: true });
      if (!head) throw error;
      return { kind: 'stale_base', latestVersion: head.version, latestId: head.id };
    }
  }

  async findById(id: string): Promise<DesignEntity | null> {
    const rows: DesignRow[] = await this.dataSource.query('SELECT * FROM designs.designs WHERE id = $1', [id]);
    return rows.length > 0 ? this.toEntity(rows[0]) : null;
  }

  /**
   * The graph of a version as JSON text (`"components":[…],"connections":[…]`), the same members
   * {@link graphOf} returns, from the cache when this version was read before.
   */
  async graphTextOf(designId: string): Promise<string> {
    const cached = this.graphTexts.get(designId);
    if (cached !== undefined) return cached;
    const { components, connections } = await this.graphOf(designId);
    const text = `"components":${JSON.stringify(components)},"connections":${JSON.stringify(connections)}`;
    this.graphTexts.set(designId, text);
    return text;
  }

  /**
   * The components and connections of a version, in the order they were saved. Postgres builds the
   * JSON in one round trip: hydrating hundreds of rows into entities costs more than the query.
   */
  async graphOf(designId: string): Promise<Pick<Design, 'components' | 'connections'>> {
    const rows: { components: (Component & { name: string | null; position: Component['position'] | null })[]; connections: Connection[] }[] = await this.dataSource.query(GRAPH_OF, [designId]);
    const components = rows[0].components.map((c) => {
      const out: Record<string, unknown> = { id: c.id, type: c.type };
      if (c.name !== null) out.name = c.name;
      out.properties = c.properties;
      if (c.position !== null) out.position = c.position;
      return out as Component;
    });
    return { components, connections: rows[0].connections };
  }

  /** The latest version of every design of a project, most recently saved first. */
  async latestOfProject(projectId: string): Promise<DesignVersionSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SELECT_SUMMARIES} WHERE d.project_id = $1 AND d.is_latest ORDER BY d.created_at DESC, d.id DESC`,
      [projectId],
    );
    return rows.map((row) => this.toSummary(row));
  }

  /** Every version of a design, newest first. */
  async versionsOfLineage(lineageId: string): Promise<DesignVersionSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(`${SELECT_SUMMARIES} WHERE d.lineage_id = $1 ORDER BY d.version DESC`, [lineageId]);
    return rows.map((row) => this.toSummary(row));
  }

  /**
   * Locks the lineage's head. Under READ COMMITTED a save that waited for the lock re-checks the
   * old head, finds it no longer latest and gets no row; a new statement takes a fresh snapshot
   * and finds (and locks) the head the other save created.
   */
  private async lockHead(manager: EntityManager, lineageId: string): Promise<DesignEntity | undefined> {
    for (let attempt = 0; attempt < HEAD_LOCK_ATTEMPTS; attempt++) {
      const rows: DesignRow[] = await manager.query(`SELECT * FROM designs.designs WHERE lineage_id = $1 AND is_latest FOR UPDATE`, [lineageId]);
      if (rows.length > 0) return this.toEntity(rows[0]);
    }
    return undefined;
  }

  /** One statement: the version row, its graph and the audit event `action` ({@link INSERT_VERSION_WITH_GRAPH}). */
  private async insertWithGraph(
    manager: EntityManager,
    version: NewVersion,
    row: { lineageId: string | null; number: number; name: string; description: string | null },
    action: 'design.created' | 'design.version_created',
  ): Promise<DesignEntity> {
    const rows: DesignRow[] = await manager.query(INSERT_VERSION_WITH_GRAPH, [
      randomUUID(),
      version.projectId,
      row.lineageId,
      row.number,
      row.name,
      row.description,
      version.createdBy,
      version.graphJson.components,
      version.graphJson.connections,
      action,
    ]);
    return this.toEntity(rows[0]);
  }

  private toEntity(row: DesignRow): DesignEntity {
    return this.designs.create({
      id: row.id,
      projectId: row.project_id,
      lineageId: row.lineage_id,
      version: row.version,
      isLatest: row.is_latest,
      name: row.name,
      description: row.description,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at),
    });
  }

  private toSummary(row: SummaryRow): DesignVersionSummary {
    return { design: this.toEntity(row), componentCount: row.component_count, connectionCount: row.connection_count };
  }
}

function isLineageRace(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint } = error as QueryFailedError & { code?: string; constraint?: string };
  return code === '23505' && constraint !== undefined && LINEAGE_RACE_CONSTRAINTS.has(constraint);
}

/** Rows were validated when saved; absent optional fields are stored as NULL and left out again here. */
const GRAPH_OF = `SELECT
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'type', c.type, 'name', c.name, 'properties', c.properties, 'position', c.position) ORDER BY c.ordinal), '[]'::json)
     FROM designs.components c WHERE c.design_id = $1) AS components,
  (SELECT coalesce(json_agg(json_build_object('id', k.id, 'source', k.source, 'target', k.target, 'properties', k.properties) ORDER BY k.ordinal), '[]'::json)
     FROM designs.connections k WHERE k.design_id = $1) AS connections`;
