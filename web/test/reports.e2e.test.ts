import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Reports on the run page (docs/reports.md): the Reports panel generates an HTML and a PDF run
 * report, shows their progress until ready, lists type, status, size, created, expires and
 * downloads, and downloads the file (the count goes up). On the real product with Chromium.
 */

jest.setTimeout(240_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'three-tier.json'), 'utf8'));

describe('reports in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_reports', 1280, 900);
    ({ page, errors } = product);
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(errors).toEqual([]));

  it('generates a report from the run page, shows it ready and downloads it', async () => {
    await registerThroughUi(page, product.url, 'Rita Reports', 'rita@example.com');
    const api = <T = any>(method: string, path: string, body?: unknown) => callApi<T>(page, method, path, body);
    const project = (await api('POST', '/api/projects', { name: 'Reporting' })).body;
    const design = (await api('POST', `/api/projects/${project.id}/designs`, { name: 'Three tier', components: threeTier.components, connections: threeTier.connections })).body;
    const run = (await api('POST', `/api/designs/${design.id}/simulations`, { durationSec: 30, seed: 3, faults: [{ type: 'crash', target: 'db', startSec: 10, durationSec: 5 }] })).body;
    for (let i = 0; i < 400; i++) {
      const sim = (await api('GET', `/api/simulations/${run.id}`)).body;
      if (sim.status === 'COMPLETED' && sim.telemetryComplete) break;
      await page.waitForTimeout(250);
    }

    await page.goto(`${product.url}/projects/${project.id}/simulations/${run.id}`);
    const panel = page.locator('details.reports-panel');
    await panel.locator('summary').waitFor();
    await screenshot(page, 'reports-panel-closed');
    await panel.locator('summary').click();
    await page.getByRole('button', { name: 'Generate report (HTML)' }).click();
    const table = page.getByRole('table', { name: 'Reports' });
    await table.getByText('Run report (HTML)').waitFor();
    await table.getByText('ready').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Generate report (PDF)' }).click();
    await table.getByText('Run report (PDF)').waitFor();
    await table.getByText('ready').nth(1).waitFor({ timeout: 90_000 });
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.getByText(/KB$/).count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: /Download Run report \(HTML\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^run-report-[0-9a-f]{8}\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('Run report — Three tier');
    // The count shows the download once the list is read again.
    await page.waitForFunction(() => [...document.querySelectorAll('table[aria-label="Reports"] tbody tr')].some((tr) => tr.textContent?.includes('HTML') && tr.querySelectorAll('td')[5]?.textContent === '1'));
    const listed = (await api('GET', `/api/simulations/${run.id}/deliverables`)).body;
    expect(listed.deliverables.map((d: { status: string }) => d.status)).toEqual(['ready', 'ready']);
    await screenshot(page, 'reports-panel');

    // A check run's report, from its evidence on the Requirements page.
    const requirement = { id: 'REQ-0007', statement: 'p99 under a second', scenario: { durationSec: 10, replications: 2 }, criteria: [{ metric: 'latencyP99Ms', op: '<', value: 1000 }] };
    expect((await api('POST', `/api/projects/${project.id}/requirements`, requirement)).status).toBe(201);
    const check = (await api('POST', `/api/designs/${design.id}/checks`, {})).body;
    for (let i = 0; i < 400 && (await api('GET', `/api/checks/${check.id}`)).body.status === 'RUNNING'; i++) await page.waitForTimeout(250);
    await page.goto(`${product.url}/projects/${project.id}/requirements`);
    const evidence = page.getByRole('region', { name: /Check run of v1/ });
    await evidence.locator('details.reports-panel summary').click();
    await evidence.getByRole('button', { name: 'Generate report (HTML)' }).click();
    await evidence.getByRole('table', { name: 'Reports' }).getByText('ready').waitFor({ timeout: 60_000 });
    await evidence.getByRole('table', { name: 'Reports' }).getByText('Check report (HTML)').waitFor();
    await screenshot(page, 'reports-check-run');
  });
});
