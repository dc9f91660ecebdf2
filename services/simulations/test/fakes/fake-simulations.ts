import { randomUUID } from 'node:crypto';
import type { SimulationStatus } from '../../src/entities/simulation.entity';
import type { SimulationRecord, SimulationRepository, SimulationResultRecord } from '../../src/repositories/simulation.repository';

/** A stored simulation with what only the worker side reads. */
export interface FakeRow extends SimulationRecord {
  workerId: string | null;
  heartbeatAt: Date | null;
}

/**
 * SimulationRepository in memory, with the same guards as its SQL (a status moves only from the
 * states its UPDATE names). Cast to the repository's type where a class wants one.
 */
export class FakeSimulations {
  readonly rows = new Map<string, FakeRow>();
  readonly results = new Map<string, SimulationResultRecord>();
  /** Every queue-position write, in order. */
  readonly positionWrites: Map<string, number>[] = [];

  add(fields: Partial<FakeRow> & { status: SimulationStatus }): FakeRow {
    const row: FakeRow = {
      id: randomUUID(), designId: randomUUID(), projectId: 'project-1', userId: 'user-1', progress: 0, configuration: {}, error: null, cancelRequested: false,
      createdAt: new Date(0), startedAt: null, finishedAt: null, telemetryCompleteAt: null, telemetryExpiredAt: null, telemetryRetentionDays: null, queuePosition: null, workerId: null, heartbeatAt: null, ...fields,
    };
    this.rows.set(row.id, row);
    return row;
  }

  get(id: string): FakeRow {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no simulation ${id}`);
    return row;
  }

  asRepository(): SimulationRepository {
    return this as unknown as SimulationRepository;
  }

  async createWithinQuota(input: { designId: string; projectId: string; userId: string; configuration: Record<string, unknown> }, limit: number): Promise<{ record: SimulationRecord } | { active: number }> {
    const active = [...this.rows.values()].filter((r) => r.userId === input.userId && (r.status === 'PENDING' || r.status === 'RUNNING')).length;
    if (active >= limit) return { active };
    return { record: { ...this.add({ ...input, status: 'PENDING' }) } };
  }

  async find(id: string): Promise<SimulationRecord | undefined> {
    const row = this.rows.get(id);
    return row && { ...row };
  }

  async listForDesign(designId: string): Promise<(SimulationRecord & { summary: unknown })[]> {
    return [...this.rows.values()].filter((r) => r.designId === designId).map((r) => ({ ...r, summary: this.results.get(r.id)?.summary ?? null }));
  }

  async pending(): Promise<SimulationRecord[]> {
    return [...this.rows.values()].filter((r) => r.status === 'PENDING');
  }

  async start(id: string, workerId: string, at: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'PENDING' || row.cancelRequested) return false;
    Object.assign(row, { status: 'RUNNING', workerId, startedAt: at, heartbeatAt: at, queuePosition: null });
    return true;
  }

  async setQueuePositions(positions: Map<string, number>): Promise<void> {
    if (positions.size === 0) return;
    this.positionWrites.push(new Map(positions));
    for (const [id, place] of positions) {
      const row = this.rows.get(id);
      if (row?.status === 'PENDING') row.queuePosition = place;
    }
  }

  async statusOf(id: string): Promise<SimulationStatus | undefined> {
    return this.rows.get(id)?.status;
  }

  async heartbeat(id: string, progress: number, at: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'RUNNING') return true;
    if (progress >= 0) row.progress = progress;
    row.heartbeatAt = at;
    return row.cancelRequested;
  }

  async complete(id: string, result: SimulationResultRecord): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'RUNNING') return false;
    Object.assign(row, { status: 'COMPLETED', progress: 1, finishedAt: new Date() });
    this.results.set(id, result);
    return true;
  }

  async finish(id: string, status: 'FAILED' | 'CANCELLED', error: string | null): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || (row.status !== 'PENDING' && row.status !== 'RUNNING')) return false;
    Object.assign(row, { status, error, finishedAt: new Date() });
    return true;
  }

  async release(id: string): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'RUNNING') return false;
    Object.assign(row, { status: 'PENDING', progress: 0, workerId: null, startedAt: null, heartbeatAt: null, queuePosition: null });
    return true;
  }

  async requestCancel(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.cancelRequested = true;
  }

  async failStale(silentSince: Date, error: string): Promise<string[]> {
    const stale = [...this.rows.values()].filter((r) => r.status === 'RUNNING' && r.heartbeatAt !== null && r.heartbeatAt < silentSince);
    for (const row of stale) Object.assign(row, { status: 'FAILED', error, finishedAt: new Date() });
    return stale.map((r) => r.id);
  }

  async result(id: string): Promise<SimulationResultRecord | undefined> {
    return this.results.get(id);
  }
}
