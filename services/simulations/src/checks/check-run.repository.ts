import { Inject, Injectable } from '@nestjs/common';
import type { CheckRunDto, CheckRunStatus, EvidenceDto, RequirementVerdict } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

interface RunRow {
  id: string;
  project_id: string;
  design_id: string;
  design_version: number;
  status: CheckRunStatus;
  verdict: RequirementVerdict | null;
  done: number;
  total: number;
  error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

/** The check run as stored, with its owner. */
export interface CheckRunRecord extends Omit<CheckRunDto, 'evidence'> {
  userId: string;
}

const toRecord = (r: RunRow & { user_id: string }): CheckRunRecord => ({
  id: r.id,
  projectId: r.project_id,
  designId: r.design_id,
  designVersion: r.design_version,
  status: r.status,
  verdict: r.verdict,
  done: r.done,
  total: r.total,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
  ...(r.error ? { error: r.error } : {}),
  userId: r.user_id,
});

/** One evidence row, as history reads it. */
export interface EvidencePoint {
  checkRunId: string;
  designId: string;
  designVersion: number;
  at: string;
  requirementId: string;
  verdict: RequirementVerdict;
  flaky: boolean;
}

/** Check runs, their evidence and their replications' series slices, in Postgres. */
@Injectable()
export class CheckRunRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async create(run: { id: string; projectId: string; designId: string; designVersion: number; userId: string; total: number }): Promise<void> {
    await this.db.query(`INSERT INTO simulations.check_runs (id, project_id, design_id, design_version, user_id, status, total) VALUES ($1, $2, $3, $4, $5, 'RUNNING', $6)`, [
      run.id,
      run.projectId,
      run.designId,
      run.designVersion,
      run.userId,
      run.total,
    ]);
  }

  async find(id: string): Promise<CheckRunRecord | undefined> {
    const rows: (RunRow & { user_id: string })[] = await this.db.query(`SELECT * FROM simulations.check_runs WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async listForProject(projectId: string, limit: number): Promise<CheckRunRecord[]> {
    const rows: (RunRow & { user_id: string })[] = await this.db.query(`SELECT * FROM simulations.check_runs WHERE project_id = $1 ORDER BY created_at DESC LIMIT $2`, [projectId, limit]);
    return rows.map(toRecord);
  }

  async evidence(checkRunId: string): Promise<EvidenceDto[]> {
    const rows: { record: EvidenceDto }[] = await this.db.query(`SELECT record FROM simulations.check_evidence WHERE check_run_id = $1 ORDER BY requirement_id`, [checkRunId]);
    return rows.map((r) => r.record);
  }

  async addEvidence(checkRunId: string, e: EvidenceDto): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO simulations.check_evidence (check_run_id, requirement_id, verdict, flaky, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (check_run_id, requirement_id) DO NOTHING`,
        [checkRunId, e.requirementId, e.verdict, e.flaky, JSON.stringify(e)],
      );
      await m.query(`UPDATE simulations.check_runs SET done = done + 1 WHERE id = $1`, [checkRunId]);
    });
  }

  async finish(id: string, status: 'COMPLETED' | 'FAILED', verdict: RequirementVerdict | null, error: string | null): Promise<void> {
    await this.db.query(`UPDATE simulations.check_runs SET status = $2, verdict = $3, error = $4, finished_at = now() WHERE id = $1 AND status = 'RUNNING'`, [id, status, verdict, error]);
  }

  /** Check runs left RUNNING by a stopped instance: they can no longer finish. */
  async failAbandoned(message: string): Promise<void> {
    await this.db.query(`UPDATE simulations.check_runs SET status = 'FAILED', error = $1, finished_at = now() WHERE status = 'RUNNING'`, [message]);
  }

  /** Every requirement verdict of a project's completed check runs, oldest first. */
  async points(projectId: string, limit: number): Promise<EvidencePoint[]> {
    const rows: { check_run_id: string; design_id: string; design_version: number; created_at: Date | string; requirement_id: string; verdict: RequirementVerdict; flaky: boolean }[] = await this.db.query(
      `SELECT e.check_run_id, r.design_id, r.design_version, r.created_at, e.requirement_id, e.verdict, e.flaky
         FROM simulations.check_evidence e JOIN simulations.check_runs r ON r.id = e.check_run_id
        WHERE r.project_id = $1 AND r.status = 'COMPLETED' AND r.id IN (SELECT id FROM simulations.check_runs WHERE project_id = $1 AND status = 'COMPLETED' ORDER BY created_at DESC LIMIT $2)
        ORDER BY r.created_at, e.requirement_id`,
      [projectId, limit],
    );
    return rows.map((r) => ({ checkRunId: r.check_run_id, designId: r.design_id, designVersion: r.design_version, at: new Date(r.created_at).toISOString(), requirementId: r.requirement_id, verdict: r.verdict, flaky: r.flaky }));
  }

  /** Registers a replication before its job is published, with the components whose series it must keep. */
  async addReplication(simulationId: string, checkRunId: string, components: string[]): Promise<void> {
    await this.db.query(`INSERT INTO simulations.check_replications (simulation_id, check_run_id, components) VALUES ($1, $2, $3)`, [simulationId, checkRunId, JSON.stringify(components)]);
  }

  async replicationComponents(simulationId: string): Promise<string[] | undefined> {
    const rows: { components: string[] }[] = await this.db.query(`SELECT components FROM simulations.check_replications WHERE simulation_id = $1`, [simulationId]);
    return rows[0]?.components;
  }

  async saveSeries(simulationId: string, series: unknown): Promise<void> {
    await this.db.query(`UPDATE simulations.check_replications SET series = $2 WHERE simulation_id = $1`, [simulationId, JSON.stringify(series)]);
  }

  /** A completed replication's summary, settings, faults and series slice. */
  async replicationResult(simulationId: string): Promise<{ summary: unknown; settings: unknown; faults: unknown; series: unknown } | undefined> {
    const rows: { summary: unknown; settings: unknown; faults: unknown; series: unknown }[] = await this.db.query(
      `SELECT r.summary, r.settings, r.faults, c.series FROM simulations.simulation_results r JOIN simulations.check_replications c ON c.simulation_id = r.simulation_id WHERE r.simulation_id = $1`,
      [simulationId],
    );
    return rows[0];
  }
}
