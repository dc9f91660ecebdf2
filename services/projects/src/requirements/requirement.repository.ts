import type { Requirement, RequirementDto } from '@architech/contracts';
import type { Queryable } from '../repositories/queryable';

interface Row {
  project_id: string;
  id: string;
  statement: string;
  tags: string[];
  scenario: Requirement['scenario'];
  criteria: Requirement['criteria'];
  created_at: Date | string;
  updated_at: Date | string;
}

const toDto = (r: Row): RequirementDto => ({
  projectId: r.project_id,
  id: r.id,
  statement: r.statement,
  tags: r.tags,
  scenario: r.scenario,
  criteria: r.criteria,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** TypeORM answers an UPDATE/DELETE … RETURNING on Postgres with `[rows, count]`. */
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as Row[]) : (result as Row[]));

/** A project's requirements in Postgres, stored as validated (defaults filled in). */
export class RequirementRepository {
  constructor(private readonly db: Queryable) {}

  async list(projectId: string): Promise<RequirementDto[]> {
    return ((await this.db.query(`SELECT * FROM projects.requirements WHERE project_id = $1 ORDER BY id`, [projectId])) as Row[]).map(toDto);
  }

  async count(projectId: string): Promise<number> {
    const rows: { n: string | number }[] = await this.db.query(`SELECT count(*) AS n FROM projects.requirements WHERE project_id = $1`, [projectId]);
    return Number(rows[0].n);
  }

  async find(projectId: string, id: string): Promise<RequirementDto | undefined> {
    const rows: Row[] = await this.db.query(`SELECT * FROM projects.requirements WHERE project_id = $1 AND id = $2`, [projectId, id]);
    return rows[0] && toDto(rows[0]);
  }

  /** undefined when the id is taken (no exception, so the transaction stays usable). */
  async create(projectId: string, r: Requirement): Promise<RequirementDto | undefined> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO projects.requirements (project_id, id, statement, tags, scenario, criteria) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id, id) DO NOTHING RETURNING *`,
      [projectId, r.id, r.statement, JSON.stringify(r.tags), JSON.stringify(r.scenario), JSON.stringify(r.criteria)],
    );
    return rows[0] && toDto(rows[0]);
  }

  async update(projectId: string, r: Requirement): Promise<RequirementDto | undefined> {
    const rows = rowsOf(
      await this.db.query(
        `UPDATE projects.requirements SET statement = $3, tags = $4, scenario = $5, criteria = $6, updated_at = now() WHERE project_id = $1 AND id = $2 RETURNING *`,
        [projectId, r.id, r.statement, JSON.stringify(r.tags), JSON.stringify(r.scenario), JSON.stringify(r.criteria)],
      ),
    );
    return rows[0] && toDto(rows[0]);
  }

  async remove(projectId: string, id: string): Promise<boolean> {
    return rowsOf(await this.db.query(`DELETE FROM projects.requirements WHERE project_id = $1 AND id = $2 RETURNING *`, [projectId, id])).length > 0;
  }
}
