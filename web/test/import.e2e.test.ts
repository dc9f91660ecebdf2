import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Import from infrastructure code in the browser: pick a compose file in the new-design dialog,
 * review the assumptions beside the canvas, find the saved design, predict a chaos experiment on it
 * in the launcher's fault timeline and run it — on the real product.
 */

jest.setTimeout(300_000);

const FIXTURES = join(__dirname, '..', '..', 'packages', 'iac-import', 'test', 'fixtures');
const COMPOSE = join(FIXTURES, 'compose', 'shop.compose.yml');
const CHAOS = join(FIXTURES, 'chaos', 'chaos-mesh.yaml');

describe('import from infrastructure code', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_import');
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  it('imports a compose file, shows its assumptions, keeps the saved design, predicts an experiment and runs it', async () => {
    await registerThroughUi(page, product.url, 'Ivy Importer', 'ivy@example.com');
    const project = (await callApi(page, 'POST', '/api/projects', { name: 'Shop' })).body;
    await page.goto(`${product.url}/projects/${project.id}`);
    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel('Name').fill('Shop from compose');
    await page.getByRole('radio', { name: 'Import from infrastructure code' }).click();
    await page.locator('input[aria-label="Choose files"]').setInputFiles(COMPOSE);
    await page.getByLabel('Files to import').getByText('1 file: shop.compose.yml').waitFor();
    await screenshot(page, 'import-dialog');
    await page.getByRole('button', { name: 'Import and open' }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]+\?panel=import/);
    const designId = page.url().split('/designs/')[1]!.split('?')[0]!;

    // The assumptions, with file:line, beside the canvas; ticking one counts it as reviewed.
    const panel = page.getByRole('region', { name: 'Import assumptions' });
    await panel.getByText('api → payments: environment PAYMENTS_URL names payments').waitFor();
    await panel.getByText('shop.compose.yml:23').first().waitFor();
    const total = await panel.getByRole('list', { name: 'Assumptions' }).getByRole('checkbox').count();
    expect(total).toBeGreaterThan(20);
    await panel.getByText(`0 of ${total} reviewed`).waitFor();
    await panel.getByRole('checkbox').first().check();
    await panel.getByText(`1 of ${total} reviewed`).waitFor();
    expect(await panel.textContent()).not.toContain('hunter2');
    await screenshot(page, 'import-assumptions');

    // Saved as version 1 of a new design: the project lists it, the API returns it.
    const saved = (await callApi(page, 'GET', `/api/designs/${designId}`)).body;
    expect(saved).toMatchObject({ name: 'Shop from compose', version: 1 });
    expect(saved.components).toHaveLength(11);
    // The review survives a reload (kept in this browser for this version).
    await page.reload();
    await page.getByRole('region', { name: 'Import assumptions' }).getByText(`1 of ${total} reviewed`).waitFor();

    // Predict a Chaos Mesh experiment against it: the faults land on the launcher's timeline.
    await page.getByRole('button', { name: /Run…/ }).click();
    await page.locator('input[aria-label="Chaos experiment file"]').setInputFiles(CHAOS);
    const imported = page.getByRole('status', { name: 'Imported experiment' });
    await imported.getByText('chaos-mesh: 4 faults on the timeline, run 210 s').waitFor();
    await imported.getByText(/Not expressible: IOChaos disk/).waitFor();
    expect(await page.getByLabel('Duration (simulated s)').inputValue()).toBe('210');
    await page.getByRole('button', { name: /^crash fault on api/ }).waitFor();
    await screenshot(page, 'import-experiment');
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    const simulationId = page.url().split('/simulations/')[1]!.split('?')[0]!;
    let status = '';
    for (let i = 0; i < 600 && !['COMPLETED', 'FAILED', 'CANCELLED'].includes(status); i++) {
      status = (await callApi(page, 'GET', `/api/simulations/${simulationId}`)).body.status;
      await page.waitForTimeout(250);
    }
    expect(status).toBe('COMPLETED');
    await page.getByTestId('hypothesis-verdict').waitFor();
    await screenshot(page, 'import-run');
    expect(errors).toEqual([]);
  });
});
