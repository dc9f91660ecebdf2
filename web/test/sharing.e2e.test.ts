import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Share links in the browser (docs/sharing.md): an editor makes a link on the run page, a visitor
 * with no account opens it in a fresh browser context and reads the dashboard, replay, traces and
 * logs and downloads the report the editor generated, with no edit control; the editor revokes the link and the visitor's next load says the
 * link expired or was revoked.
 */

jest.setTimeout(300_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'three-tier.json'), 'utf8'));

describe('share links in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_sharing');
    ({ page, errors } = product);
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(errors).toEqual([]));

  const api = <T = any>(method: string, path: string, body?: unknown) => callApi<T>(page, method, path, body);

  it('shares a run with a visitor without an account, then revokes the link', async () => {
    await registerThroughUi(page, product.url, 'Sharon Share', 'sharon@example.com');
    const project = (await api('POST', '/api/projects', { name: 'Storefront' })).body;
    const design = (await api('POST', `/api/projects/${project.id}/designs`, { name: threeTier.name, components: threeTier.components, connections: threeTier.connections })).body;
    const launched = (await api('POST', `/api/designs/${design.id}/simulations`, { durationSec: 120, seed: 7, faults: [{ type: 'crash', target: threeTier.components.at(-1).id, startSec: 40, durationSec: 20 }] })).body;
    for (let i = 0; ; i++) {
      const sim = (await api('GET', `/api/simulations/${launched.id}`)).body;
      if (sim.status === 'COMPLETED' && sim.telemetryComplete) break;
      if (i > 600 || ['FAILED', 'CANCELLED'].includes(sim.status)) throw new Error(`run ended ${sim.status}`);
      await page.waitForTimeout(250);
    }

    // The editor generates a report on the run page, then makes a 3-day link.
    await page.goto(`${product.url}/projects/${project.id}/simulations/${launched.id}`);
    await page.locator('details.reports-panel > summary').click();
    await page.getByRole('button', { name: 'Generate report (HTML)' }).click();
    await page.getByRole('table', { name: 'Reports' }).getByText('ready').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await dialog.getByText('No links yet.').waitFor();
    await dialog.getByLabel('Expires after (days)').fill('3');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByLabel('Share link', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${product.url}/shared/[A-Za-z0-9_-]{43}$`));
    await dialog.getByRole('table', { name: 'Share links' }).getByText('active').waitFor();
    await screenshot(page, 'sharing-dialog');

    // A visitor with no account (a fresh context: no session, no storage) opens it.
    const visitor = await openPage(product.browser);
    // The visitor's dashboard reads its series through the link in one batch request.
    const seriesReads: string[] = [];
    visitor.page.on('response', (r) => {
      if (r.url().includes('/metrics')) seriesReads.push(`${r.request().method()} ${new URL(r.url()).pathname.replace(/shared\/[^/]+/, 'shared/:token')} ${r.status()}`);
    });
    const seriesAnswer = visitor.page.waitForResponse((r) => r.url().includes('/metrics'));
    await visitor.page.goto(link);
    await visitor.page.getByText('read-only').waitFor();
    const throughput = visitor.page.getByRole('figure', { name: /^Load and throughput — end to end/ });
    await throughput.waitFor();
    await visitor.page.getByRole('region', { name: 'End-to-end results' }).waitFor();
    await visitor.page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    expect(visitor.page.url()).toBe(link);
    await seriesAnswer;
    expect(new Set(seriesReads)).toEqual(new Set(['POST /api/shared/:token/metrics/batch 200']));
    // Nothing that writes: no cancel, no share, no launch, no way into the project.
    for (const name of ['Share', 'Cancel run', 'Run simulation', 'Launch', 'Generate report (HTML)', 'Generate report (PDF)']) expect(await visitor.page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await visitor.page.getByRole('link', { name: 'Projects' }).count()).toBe(0);
    await screenshot(visitor.page, 'sharing-visitor-dashboard');
    // The run's report, downloaded through the link.
    const reports = visitor.page.getByRole('table', { name: 'Reports' });
    await reports.getByText('Run report (HTML)').waitFor();
    const [download] = await Promise.all([visitor.page.waitForEvent('download'), reports.getByRole('button', { name: /^Download Run report \(HTML\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^run-report-[0-9a-f]{8}\.html$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(`Run report — ${threeTier.name}`);
    await visitor.page.getByRole('tab', { name: 'Logs' }).click();
    await visitor.page.getByRole('table', { name: 'Log records' }).waitFor();
    await visitor.page.getByRole('tab', { name: 'Traces' }).click();
    await visitor.page.getByRole('button', { name: /^Open trace / }).first().waitFor();
    await visitor.page.getByRole('tab', { name: 'Replay' }).click();
    await visitor.page.waitForFunction(() => ((window as any).__architechReplay?.frames() ?? 0) > 0);
    await screenshot(visitor.page, 'sharing-visitor-replay');

    // Opened once: the editor's list counts it.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    const table = page.getByRole('dialog', { name: 'Share this run' }).getByRole('table', { name: 'Share links' });
    await table.getByText(/^1 time/).waitFor();
    await table.getByRole('button', { name: 'Revoke' }).click();
    await table.getByText(/^revoked /).waitFor();
    expect(await table.getByRole('button', { name: 'Revoke' }).count()).toBe(0);

    // The visitor's next load: the link no longer opens anything.
    await visitor.page.reload();
    await visitor.page.getByRole('heading', { name: 'This link has expired or was revoked' }).waitFor();
    expect(await visitor.page.getByRole('figure').count()).toBe(0);
    await screenshot(visitor.page, 'sharing-visitor-revoked');
    expect(visitor.errors).toEqual([]);
    await visitor.page.context().close();
  });
});
