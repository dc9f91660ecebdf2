import type { AuthUser } from '@architech/service-kit';
import { ApiException } from '@architech/service-kit';
import type { SimulationsConfig } from '../src/config';
import type { DeliverableOwner, DeliverableRecord, DeliverableRepository } from '../src/reports/deliverable.repository';
import { DeliverablesService, MAX_GENERATING_PER_USER } from '../src/reports/deliverables.service';
import type { PdfRenderer } from '../src/reports/pdf-renderer';
import { ReportUnavailableError } from '../src/reports/report-source';
import type { ReportTarget, ReportTargets } from '../src/reports/report-targets';
import { renderRunReportHtml } from '@architech/sim-engine';
import { FakeClock } from './fakes/fake-clock';

/*
 * DeliverablesService with its ports faked: generation runs in the background through the stages,
 * a failure is stored with an explanation (never left generating), PDF is refused with the
 * renderer's reason, and the per-user limit holds.
 */

const user: AuthUser = { id: 'u1', email: 'u@example.com' } as AuthUser;
const SIM: DeliverableOwner = { kind: 'simulation', id: '11111111-1111-4111-8111-111111111111' };

/** The repository in memory, with the same guarded transitions. */
class MemoryDeliverables {
  rows = new Map<string, DeliverableRecord & { content?: Buffer }>();
  stages: string[] = [];
  async create(input: Parameters<DeliverableRepository['create']>[0]): Promise<DeliverableRecord> {
    const id = `d${this.rows.size + 1}`;
    const record: DeliverableRecord = { id, simulationId: input.simulationId ?? null, checkRunId: input.checkRunId ?? null, projectId: input.projectId, userId: input.userId, type: input.type, status: 'generating', progress: 0, stage: 'queued', sizeBytes: null, fileName: input.fileName, contentType: input.contentType, error: null, createdAt: input.createdAt.toISOString(), finishedAt: null, expiresAt: input.expiresAt?.toISOString() ?? null, expiredAt: null, downloadCount: 0 };
    this.rows.set(id, record);
    return { ...record };
  }
  async find(id: string) {
    const r = this.rows.get(id);
    return r ? { ...r } : undefined;
  }
  async listFor(owner: DeliverableOwner) {
    return [...this.rows.values()].filter((r) => r.simulationId === owner.id).reverse();
  }
  async generatingForUser(userId: string) {
    return [...this.rows.values()].filter((r) => r.userId === userId && r.status === 'generating').length;
  }
  async countFor(owner: DeliverableOwner) {
    return [...this.rows.values()].filter((r) => r.simulationId === owner.id).length;
  }
  async progress(id: string, progress: number, stage: string) {
    this.stages.push(`${progress} ${stage}`);
    Object.assign(this.rows.get(id)!, { progress, stage });
  }
  async ready(id: string, content: Buffer) {
    Object.assign(this.rows.get(id)!, { status: 'ready', progress: 100, stage: null, content, sizeBytes: content.length });
    return true;
  }
  async fail(id: string, error: string) {
    Object.assign(this.rows.get(id)!, { status: 'failed', stage: null, error });
    return true;
  }
  async takeContent(id: string) {
    const r = this.rows.get(id)!;
    r.downloadCount++;
    return r.content;
  }
}

function world(options: { build?: ReportTarget['build']; pdf?: Partial<PdfRenderer> } = {}) {
  const repo = new MemoryDeliverables();
  const target: ReportTarget = {
    projectId: 'p1',
    fileStem: 'run-report-11111111',
    types: { html: 'run-report-html', pdf: 'run-report-pdf' },
    build: options.build ?? (async () => renderRunReportHtml(reportInput() as never)),
  };
  const targets = { resolve: async (owner: DeliverableOwner) => (owner.id === SIM.id ? target : Promise.reject(new ApiException(404, 'not_found', 'simulation not found'))) } as unknown as ReportTargets;
  const pdf: PdfRenderer = { availability: () => ({ available: true }), render: async () => Buffer.from('%PDF-1.4 fake'), ...options.pdf };
  const config = { RETENTION_REPORTS_DAYS: 30 } as SimulationsConfig;
  const service = new DeliverablesService(repo as unknown as DeliverableRepository, targets, pdf, new FakeClock(Date.parse('2026-03-01T00:00:00Z')), config);
  return { repo, service, target };
}

function reportInput() {
  const summary = { endToEnd: { requests: 1, completions: 1, errors: 0, throughput: 1, errorRate: 0, latency: { mean: 1, p50: 1, p95: 1, p99: 1, max: 1 } }, components: {} };
  return {
    status: 'COMPLETED', generatedAt: '2026-03-01T00:00:00.000Z', design: { name: 'D', contentHash: 'sha256:x', components: 1, connections: 0 }, engineVersion: '0.1.0',
    config: { durationSec: 10, warmupSec: 0, seed: 1, replications: 1, maxReplications: 50, faults: [], tracing: { sampleRate: 0.01, maxTraces: 10, slowest: 1, maxLogs: 10 } },
    settings: { durationSec: 10, warmupSec: 0, warmupMode: 'fixed', seed: 1, bucketSec: 1 }, replications: 1, events: 1, wallMs: 1, summary, faults: [], series: [], slowest: [], failed: [],
    reproduce: { command: 'architech simulate design.json', files: [] },
  };
}

describe('DeliverablesService', () => {
  it('generates in the background through its stages to ready, expiring RETENTION_REPORTS_DAYS later', async () => {
    const { repo, service } = world();
    const created = await service.request(SIM, { format: 'html' }, user);
    expect(created).toMatchObject({ status: 'generating', type: 'run-report-html', expiresAt: '2026-03-31T00:00:00.000Z' });
    expect(created).not.toHaveProperty('userId');
    await service.settled();
    const done = await service.get(SIM, created.id, user);
    expect(done).toMatchObject({ status: 'ready', progress: 100 });
    expect(repo.stages).toEqual(['5 reading what to report', '60 rendered the report', '95 storing']);
    const file = await service.getReportContent(created.id);
    expect(file.body.toString('utf8')).toContain('<!doctype html>');
    expect(file.deliverable.downloadCount).toBe(1);
  });

  it('stores why generation failed instead of leaving it generating', async () => {
    const { service } = world({ build: async () => Promise.reject(new ReportUnavailableError('the design version that ran no longer exists')) });
    const created = await service.request(SIM, { format: 'html' }, user);
    await service.settled();
    expect(await service.get(SIM, created.id, user)).toMatchObject({ status: 'failed', error: 'the design version that ran no longer exists' });
    await expect(service.getReportContent(created.id)).rejects.toMatchObject({ status: 409, code: 'deliverable_failed' });

    const crashing = world({ pdf: { render: async () => Promise.reject(new Error('Target page, context or browser has been closed\nstack…')) } });
    const pdf = await crashing.service.request(SIM, { format: 'pdf' }, user);
    await crashing.service.settled();
    expect((await crashing.service.get(SIM, pdf.id, user)).error).toBe('report generation failed: Target page, context or browser has been closed');
  });

  it('refuses a PDF with the renderer’s reason, an unfinished run, and more than the per-user limit', async () => {
    const noChromium = world({ pdf: { availability: () => ({ available: false, reason: 'PDF reports need headless Chromium' }) } });
    await expect(noChromium.service.request(SIM, { format: 'pdf' }, user)).rejects.toMatchObject({ status: 409, code: 'pdf_unavailable', message: 'PDF reports need headless Chromium' });
    expect((await noChromium.service.list(SIM, user)).pdf).toEqual({ available: false, reason: 'PDF reports need headless Chromium' });

    const running = world();
    running.target.notReady = { code: 'run_not_completed', message: 'a report needs a completed run; this one is RUNNING' };
    await expect(running.service.request(SIM, { format: 'html' }, user)).rejects.toMatchObject({ status: 409, code: 'run_not_completed' });

    const busy = world({ build: () => new Promise(() => undefined) });
    for (let i = 0; i < MAX_GENERATING_PER_USER; i++) await busy.service.request(SIM, { format: 'html' }, user);
    await expect(busy.service.request(SIM, { format: 'html' }, user)).rejects.toMatchObject({ status: 429, code: 'too_many_generating' });
    await expect(busy.service.get(SIM, 'd99', user)).rejects.toMatchObject({ status: 404 });
    await expect(busy.service.list({ kind: 'simulation', id: 'other' }, user)).rejects.toMatchObject({ status: 404 });
  });
});
