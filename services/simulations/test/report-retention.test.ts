import type { DataSource } from 'typeorm';
import { openServiceDatabase } from '../../../packages/service-kit/src/database/data-source';
import { createTestDatabase } from '../../../packages/service-kit/test/support/test-database';
import { MIGRATIONS } from '../src/migrations';
import { DeliverableRepository } from '../src/reports/deliverable.repository';
import { FIRST_REPORT_SWEEP_DELAY_MS, ReportRetention, STALE_GENERATION_MS } from '../src/reports/report-retention';
import { FakeClock } from './fakes/fake-clock';

/*
 * Report retention (docs/data-lifecycle.md) on a real PostgreSQL with the service's migrations and
 * an injected clock: a sweep expires exactly the deliverables whose expiresAt has passed — content
 * deleted, row kept with `expired` — and nothing else; deliverables left generating by a stopped
 * instance fail with the reason.
 */

jest.setTimeout(60_000);

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('ReportRetention', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  let repo: DeliverableRepository;
  let simulationId: string;

  beforeAll(async () => {
    database = await createTestDatabase('report_retention');
    db = await openServiceDatabase({ databaseUrl: database.url, dataDir: '', schema: 'simulations', entities: [], migrations: MIGRATIONS, poolSize: 2 });
    repo = new DeliverableRepository(db);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO simulations.simulations (design_id, project_id, user_id, status, configuration) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'COMPLETED', '{}') RETURNING id`,
    );
    simulationId = rows[0]!.id;
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function deliverable(expiresInDays: number | null, status: 'ready' | 'failed' | 'generating' = 'ready', createdAt = T0): Promise<string> {
    const record = await repo.create({
      simulationId,
      projectId: simulationId,
      userId: simulationId,
      type: 'run-report-html',
      fileName: 'r.html',
      contentType: 'text/html',
      createdAt: new Date(createdAt),
      expiresAt: expiresInDays === null ? null : new Date(T0 + expiresInDays * DAY),
    });
    if (status === 'ready') await repo.ready(record.id, Buffer.from(`<p>${record.id}</p>`), new Date(createdAt));
    if (status === 'failed') await repo.fail(record.id, 'boom', new Date(createdAt));
    return record.id;
  }

  const stateOf = async (id: string) => {
    const rows: { status: string; has_content: boolean; expired_at: Date | null }[] = await db.query(`SELECT status, content IS NOT NULL AS has_content, expired_at FROM simulations.deliverables WHERE id = $1`, [id]);
    return rows[0]!;
  };

  /** The sweep a timer started runs on real database round trips: wait for what it does. */
  async function until(id: string, status: string): Promise<void> {
    for (let i = 0; i < 100 && (await stateOf(id)).status !== status; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('expires exactly the deliverables past their expiry, on the clock it is given', async () => {
    const clock = new FakeClock(T0 + 30 * DAY);
    const job = new ReportRetention({ reportsDays: 30, sweepSec: 3600 }, clock, repo);
    const due = await deliverable(30); // expires exactly now
    const overdue = await deliverable(10);
    const failedDue = await deliverable(29, 'failed');
    const notYet = await deliverable(30 + 1 / 24); // an hour from now
    const forever = await deliverable(null);

    const first = await job.sweep();
    expect(first.expired.sort()).toEqual([due, overdue, failedDue].sort());
    expect(await stateOf(due)).toEqual({ status: 'expired', has_content: false, expired_at: new Date(T0 + 30 * DAY) });
    expect(await stateOf(overdue)).toMatchObject({ status: 'expired', has_content: false });
    expect(await stateOf(notYet)).toMatchObject({ status: 'ready', has_content: true, expired_at: null });
    expect(await stateOf(forever)).toMatchObject({ status: 'ready', has_content: true });
    expect(await repo.takeContent(due)).toBeUndefined();

    // Idempotent: nothing more is due.
    expect((await job.sweep()).expired).toEqual([]);

    // The scheduled sweeps run on the injected clock: an hour later the next one is due.
    job.onApplicationBootstrap();
    await clock.advance(FIRST_REPORT_SWEEP_DELAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await stateOf(notYet)).status).toBe('ready');
    await clock.advance(3600 * 1000);
    await until(notYet, 'expired');
    expect(await stateOf(notYet)).toMatchObject({ status: 'expired', has_content: false });
    expect(await stateOf(forever)).toMatchObject({ status: 'ready', has_content: true });
    job.onApplicationShutdown();
    expect(clock.active).toBe(0);
  });

  it('fails deliverables generating for longer than a generation can take, with the reason', async () => {
    const now = T0 + 100 * DAY;
    const clock = new FakeClock(now);
    const job = new ReportRetention({ reportsDays: 30, sweepSec: 3600 }, clock, repo);
    const stale = await deliverable(200, 'generating', now - STALE_GENERATION_MS - 1000);
    const fresh = await deliverable(200, 'generating', now - 1000);
    expect((await job.sweep()).failedStale).toEqual([stale]);
    expect((await repo.find(stale))!).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
    expect((await repo.find(fresh))!.status).toBe('generating');
  });
});
