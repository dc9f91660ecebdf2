import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Issue 20, reports, through the gateway (docs/reports.md): a run report generated as a
 * deliverable — asynchronously, with progress — as HTML that makes no external request (loaded in
 * Chromium with the network blocked: only the file itself is requested) and as a real PDF; the
 * downloads count; retention expires a report (410 with the reason) and leaves the others; bad
 * input is a 400 naming the field, viewers read but do not generate, strangers get 404. Where
 * Chromium is missing, the PDF format is refused with the reason and listed as unavailable.
 */

jest.setTimeout(300_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PDFTOPPM = '/usr/bin/pdftoppm';
const SHOTS = process.env.REPORT_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'architech-report-shots-'));

async function setUp(api: ApiClient, email: string): Promise<{ owner: { token: string }; viewer: { token: string }; stranger: { token: string }; runId: string; projectId: string; designId: string }> {
  const owner = await api.signUp(email);
  const viewer = await api.signUp(`viewer-${email}`);
  const stranger = await api.signUp(`stranger-${email}`);
  const project = (await api.post('/api/projects', { name: 'Reports' }, owner.token)).body;
  await api.post(`/api/projects/${project.id}/members`, { email: viewer.email, role: 'viewer' }, owner.token);
  const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'Checkout', ...sampleDesign() }, owner.token)).body;
  const launched = await api.post(
    `/api/designs/${design.id}/simulations`,
    {
      durationSec: 30,
      seed: 7,
      replications: 3,
      faults: [{ type: 'crash', target: 'db', startSec: 10, durationSec: 6 }],
      tracing: { sampleRate: 0.1, maxTraces: 200, slowest: 5, maxLogs: 100 },
      hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }],
    },
    owner.token,
  );
  expect(launched.status).toBe(202);
  await eventually(() => api.get(`/api/simulations/${launched.body.id}`, owner.token), (r) => r.body.status === 'COMPLETED' && r.body.telemetryComplete === true, 120_000);
  return { owner, viewer, stranger, runId: launched.body.id, projectId: project.id, designId: design.id };
}

async function download(url: string, path: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('run reports on embedded PGlite, with Chromium', () => {
  let product: Awaited<ReturnType<typeof startLauncher>>;
  let dataDir: string;
  let api: ApiClient;
  let world: Awaited<ReturnType<typeof setUp>>;
  const base = () => `/api/simulations/${world.runId}/deliverables`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'architech-reports-'));
    product = await startLauncher({ RATE_LIMIT_PER_MIN: '0', DATA_DIR: dataDir, DATABASE_URL: '', ARCHITECH_VERBOSE: '1', LIFECYCLE_SWEEP_SEC: '1', CHROMIUM_PATH: CHROMIUM });
    api = apiClient(product.url);
    world = await setUp(api, 'reports-owner@example.com');
  });
  afterAll(async () => {
    await product?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function generate(format: 'html' | 'pdf'): Promise<any> {
    const requested = await api.post(base(), { format }, world.owner.token);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ type: `run-report-${format}`, status: 'generating', downloadCount: 0, sizeBytes: null });
    const seen = new Set<number>();
    const done = await eventually(
      async () => {
        const r = await api.get(`${base()}/${requested.body.id}`, world.owner.token);
        seen.add(r.body.progress);
        return r;
      },
      (r) => r.body.status !== 'generating',
      90_000,
    );
    expect(done.body).toMatchObject({ status: 'ready', progress: 100, error: null, stage: null });
    expect(done.body.sizeBytes).toBeGreaterThan(1000);
    // Expires RETENTION_REPORTS_DAYS (30 by default) after it was made.
    expect(Date.parse(done.body.expiresAt) - Date.parse(done.body.createdAt)).toBe(30 * 86_400_000);
    return done.body;
  }

  it('makes a self-contained HTML report that opens offline and counts its downloads', async () => {
    // A review of the design version: its warnings and failures go into the report.
    const review = await api.post(`/api/designs/${world.designId}/reviews`, { simulate: false }, world.owner.token);
    expect(review.status).toBe(202);
    const reviewed = (await eventually(() => api.get(`/api/reviews/${review.body.id}`, world.owner.token), (r) => r.body.status === 'COMPLETED', 60_000)).body;
    const flagged = reviewed.result.findings.filter((f: { outcome: string }) => f.outcome !== 'pass');
    expect(flagged.length).toBeGreaterThan(0);
    const deliverable = await generate('html');
    const file = await download(product.url, `${base()}/${deliverable.id}/content`, world.owner.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${deliverable.fileName}"`);
    expect(file.bytes.length).toBe(deliverable.sizeBytes);
    const html = file.bytes.toString('utf8');
    // What the report shows.
    expect(html).toContain('Verdict: the hypothesis does not hold');
    expect(html).toMatch(/error rate &lt; 1%/);
    expect(html).toContain('± ');
    expect(html).toContain('crash DB'); // the fault window's label, by the component's name
    expect(html).toContain('<td>DB (db)</td>');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toMatch(/architech simulate design\.json --duration 30 --warmup 0 --seed 7 --replications 3 .*--faults faults\.json/);
    expect(html).toMatch(/sha256:[0-9a-f]{64}/);
    expect(html).toContain(`From the review of ${reviewed.createdAt.slice(0, 10)} (${reviewed.id})`);
    expect((html.match(/<div class="finding (warn|fail)">/g) ?? []).length).toBe(flagged.length);
    expect(html).toContain(flagged[0].rule);
    // Self-contained: no external URL in any src or href, no script, no stylesheet link, no CSS url().
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);

    const listed = (await api.get(base(), world.owner.token)).body;
    expect(listed.deliverables.find((d: { id: string }) => d.id === deliverable.id).downloadCount).toBe(1);

    // Opens offline: load it in Chromium with every request but the file's own refused.
    const path = join(SHOTS, 'report.html');
    writeFileSync(path, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ offline: true, viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      await context.route('**/*', (route) => (requests.push(route.request().url()), route.request().url().startsWith('file://') ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(`file://${path}`);
      expect(requests).toEqual([`file://${path}`]);
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(5);
      expect(await page.getByRole('heading', { name: 'Reproducibility' }).isVisible()).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'report-offline.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('makes a PDF from the same HTML through headless Chromium', async () => {
    const deliverable = await generate('pdf');
    const file = await download(product.url, `${base()}/${deliverable.id}/content`, world.owner.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="run-report-[0-9a-f]{8}\.pdf"$/);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
    const pages = (file.bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(file.bytes.length).toBeGreaterThan(20_000);
    writeFileSync(join(SHOTS, 'report.pdf'), file.bytes);
    // Where poppler's pdftoppm is installed, the first page is rendered to PNG (look at it: REPORT_SCREENSHOTS_DIR).
    if (existsSync(PDFTOPPM)) {
      execFileSync(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(SHOTS, 'report.pdf'), join(SHOTS, 'report-page-1')]);
      const png = readFileSync(join(SHOTS, 'report-page-1.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A4 (210 × 297 mm) at 60 dpi: about 496 × 702 pixels.
      expect(Math.abs(png.readUInt32BE(16) - 496)).toBeLessThanOrEqual(2);
      expect(Math.abs(png.readUInt32BE(20) - 702)).toBeLessThanOrEqual(2);
    }
  });

  it('refuses bad input with 400 naming the field; viewers read, only editors generate; strangers get 404', async () => {
    const bad = await api.post(base(), { format: 'docx' }, world.owner.token);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('format');
    expect((await api.post(base(), {}, world.owner.token)).status).toBe(400);
    const byViewer = await api.post(base(), { format: 'html' }, world.viewer.token);
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error.message).toBe('a viewer may read and download reports but not generate them');
    const listed = await api.get(base(), world.viewer.token);
    expect(listed.status).toBe(200);
    expect(listed.body.pdf).toEqual({ available: true });
    const html = listed.body.deliverables.find((d: { type: string }) => d.type === 'run-report-html');
    expect((await download(product.url, `${base()}/${html.id}/content`, world.viewer.token)).status).toBe(200);
    expect((await api.get(base(), world.stranger.token)).status).toBe(404);
    expect((await api.post(base(), { format: 'html' }, world.stranger.token)).status).toBe(404);
    expect((await download(product.url, `${base()}/${html.id}/content`, world.stranger.token)).status).toBe(404);
    expect((await api.get(`${base()}/00000000-0000-4000-8000-000000000000`, world.owner.token)).status).toBe(404);
  });

  it('expires a report past its expiry: 410 with the reason, the other reports untouched', async () => {
    const { deliverables } = (await api.get(base(), world.owner.token)).body;
    const html = deliverables.find((d: { type: string }) => d.type === 'run-report-html');
    const pdf = deliverables.find((d: { type: string }) => d.type === 'run-report-pdf');
    const [, main] = /databases: main (\S+) telemetry (\S+)/.exec(product.output())!;
    const client = new Client({ connectionString: main });
    await client.connect();
    try {
      await client.query(`UPDATE simulations.deliverables SET expires_at = now() - interval '1 minute' WHERE id = $1`, [html.id]);
    } finally {
      await client.end();
    }
    const expired = (await eventually(() => api.get(`${base()}/${html.id}`, world.owner.token), (r) => r.body.status === 'expired', 30_000)).body;
    expect(expired.expiredAt).not.toBeNull();
    const gone = await api.get(`${base()}/${html.id}/content`, world.owner.token);
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/expired on \d{4}-\d\d-\d\d .*kept 30 days.*generate it again/);
    expect((await api.get(`${base()}/${pdf.id}`, world.owner.token)).body.status).toBe('ready');
    expect((await download(product.url, `${base()}/${pdf.id}/content`, world.owner.token)).status).toBe(200);
  });
});

describe('run reports on PostgreSQL, without Chromium', () => {
  let product: Awaited<ReturnType<typeof startLauncher>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase('architech_reports');
    product = await startLauncher({ RATE_LIMIT_PER_MIN: '0', DATABASE_URL: db.url, CHROMIUM_PATH: '/nonexistent/chromium', RETENTION_REPORTS_DAYS: '0' });
    api = apiClient(product.url);
  });
  afterAll(async () => {
    await product?.stop();
    await db?.drop();
  });

  it('stores HTML reports (kept forever with RETENTION_REPORTS_DAYS=0) and refuses PDF with the reason', async () => {
    const world = await setUp(api, 'reports-pg@example.com');
    const base = `/api/simulations/${world.runId}/deliverables`;
    const listed = (await api.get(base, world.owner.token)).body;
    expect(listed.pdf).toEqual({ available: false, reason: expect.stringContaining('/nonexistent/chromium') });
    const pdf = await api.post(base, { format: 'pdf' }, world.owner.token);
    expect(pdf.status).toBe(409);
    expect(pdf.body.error).toMatchObject({ code: 'pdf_unavailable', message: expect.stringMatching(/headless Chromium.*not installed.*HTML reports work without it/) });
    const html = await api.post(base, { format: 'html' }, world.owner.token);
    expect(html.status).toBe(202);
    expect(html.body.expiresAt).toBeNull();
    const ready = await eventually(() => api.get(`${base}/${html.body.id}`, world.owner.token), (r) => r.body.status !== 'generating', 60_000);
    expect(ready.body.status).toBe('ready');
    const file = await download(product.url, `${base}/${html.body.id}/content`, world.owner.token);
    expect(file.bytes.toString('utf8')).toContain('Run report — Checkout');
    expect(file.bytes.length).toBe(ready.body.sizeBytes);

    // A run whose telemetry retention deleted: the report says so instead of empty charts, the summary stays.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`UPDATE simulations.simulations SET telemetry_expired_at = '2026-02-03T00:00:00Z', telemetry_retention_days = 30 WHERE id = $1`, [world.runId]);
    } finally {
      await client.end();
    }
    const later = await api.post(base, { format: 'html' }, world.owner.token);
    const done = await eventually(() => api.get(`${base}/${later.body.id}`, world.owner.token), (r) => r.body.status !== 'generating', 60_000);
    expect(done.body.status).toBe('ready');
    const expired = (await download(product.url, `${base}/${later.body.id}/content`, world.owner.token)).bytes.toString('utf8');
    expect(expired).toContain('The run&#39;s series and traces were deleted by retention on 2026-02-03 (retention 30 days)');
    expect(expired).not.toContain('class="line"');
    expect(expired).toContain('Latency p99');
  });

  it('makes a check-run report: verdicts, criteria with intervals, the command and files that reproduce it', async () => {
    const owner = await api.signUp('checks-reporter@example.com');
    const project = (await api.post('/api/projects', { name: 'Checked' }, owner.token)).body;
    const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'Checked shop', ...sampleDesign() }, owner.token)).body;
    const requirement = {
      id: 'REQ-0042',
      statement: 'p99 under 500 ms through a db crash',
      tags: ['reliability'],
      scenario: { durationSec: 20, replications: 2, faults: [{ type: 'crash', target: 'db', startSec: 5, durationSec: 3 }] },
      criteria: [{ metric: 'latencyP99Ms', op: '<', value: 500 }],
    };
    expect((await api.post(`/api/projects/${project.id}/requirements`, requirement, owner.token)).status).toBe(201);
    const started = await api.post(`/api/designs/${design.id}/checks`, {}, owner.token);
    expect(started.status).toBe(202);
    const base = `/api/checks/${started.body.id}/deliverables`;
    const run = (await eventually(() => api.get(`/api/checks/${started.body.id}`, owner.token), (r) => r.body.status !== 'RUNNING', 120_000)).body;
    expect(run.status).toBe('COMPLETED');
    const requested = await api.post(base, { format: 'html' }, owner.token);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ type: 'check-report-html', checkRunId: started.body.id, simulationId: null });
    const ready = await eventually(() => api.get(`${base}/${requested.body.id}`, owner.token), (r) => r.body.status !== 'generating', 60_000);
    expect(ready.body.status).toBe('ready');
    const file = await download(product.url, `${base}/${requested.body.id}/content`, owner.token);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="check-report-[0-9a-f]{8}\.html"$/);
    const html = file.bytes.toString('utf8');
    writeFileSync(join(SHOTS, 'check-report.html'), html);
    expect(html).toContain('Check report — Checked shop v1');
    expect(html).toContain(`REQ-0042 — ${run.evidence[0].verdict.toUpperCase()}`);
    expect(html).toContain('latencyP99Ms &lt; 500');
    expect(html).toContain('architech check design.json checks.json');
    expect(html).toContain(run.evidence[0].designHash);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    // The run's reports and the check run's are apart; a stranger sees neither.
    expect((await api.get(`/api/simulations/${run.evidence[0].simulationIds[0]}/deliverables`, owner.token)).body.deliverables).toEqual([]);
    const stranger = await api.signUp('checks-stranger@example.com');
    expect((await api.get(base, stranger.token)).status).toBe(404);
  });
});
