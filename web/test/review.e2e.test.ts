import type { Page } from 'playwright-core';
import { editorState, screenshot, worldToPage } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Review and refine in the browser: a flawed template is reviewed, a remediation applied with one
 * click (undoable), and the refine loop turns the design into an accepted one, saved as a new version.
 */

jest.setTimeout(240_000);

describe('design review and refine', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_review');
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  afterEach(() => expect(errors).toEqual([]));

  const component = async (id: string) => (await editorState(page)).components.find((c) => c.id === id)!;

  it('reviews a flawed template, applies a remediation, refines to accepted and accepts it as a new version', async () => {
    await registerThroughUi(page, product.url, 'Rita Reviewer', 'rita@example.com');
    const project = await callApi(page, 'POST', '/api/projects', { name: 'Shop' });
    await page.goto(`${product.url}/projects/${project.body.id}`);
    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel(/Three-tier web application/).check();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]+$/);
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByRole('button', { name: 'Fit' }).click();

    // Flaw it: one web replica (400 req/s × 20 ms on 4 workers, ρ = 2), saved as v2.
    const web = await component('web');
    const at = await worldToPage(page, { x: web.position.x + 80, y: web.position.y + 32 });
    await page.mouse.click(at.x, at.y);
    await page.getByLabel(/^Replicas/).fill('1');
    await page.getByLabel(/^Replicas/).press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2').waitFor();

    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const panel = page.getByRole('region', { name: /Review v2/ });
    await panel.getByRole('button', { name: 'Review', exact: true }).click();
    const findings = panel.getByTestId('review-findings');
    await findings.waitFor();
    await expect(findings.getByText(/Fails/).first().waitFor()).resolves.toBeUndefined();
    expect(await findings.textContent()).toMatch(/ρ = 2/);
    await screenshot(page, 'review-findings');

    // Clicking the single point of failure selects the database on the canvas.
    await findings.getByRole('button', { name: /FAIL critical db/ }).click();
    expect((await editorState(page)).selection).toEqual(['db']);

    // One click applies "db: 2 replicas"; undo takes it back, redo again.
    await findings.getByRole('button', { name: 'Apply: db: 2 replicas' }).click();
    expect((await component('db')).properties.replicas).toBe(2);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect((await component('db')).properties.replicas).toBe(1);
    await page.getByRole('button', { name: /^Redo/ }).click();
    expect((await component('db')).properties.replicas).toBe(2);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 3').waitFor();

    // Refine v3 towards p99 < 200 ms and errors < 1 %: live states, then accepted.
    if (!(await page.getByRole('region', { name: /Review v3/ }).isVisible())) await page.getByRole('button', { name: 'Review', exact: true }).click();
    const panel3 = page.getByRole('region', { name: /Review v3/ });
    await panel3.getByLabel('p99 bound (ms)').fill('200');
    await panel3.getByRole('button', { name: 'Refine', exact: true }).click();
    const outcome = panel3.getByTestId('refine-view').getByRole('status');
    await outcome.getByText(/Accepted/).waitFor({ timeout: 120_000 });
    expect(await panel3.getByRole('list', { name: 'Refine timeline' }).textContent()).toMatch(/→ generating.*proposed: web\.replicas 1 → \d+.*→ validating.*✓ p99 < 200 ms.*→ accepted/);
    await screenshot(page, 'refine-accepted');

    // The proposal drawn with the version diff, then accepted as v4.
    await outcome.getByRole('button', { name: 'Show the diff on the canvas' }).click();
    await page.getByText(/Refine proposal against v3/).waitFor();
    await screenshot(page, 'refine-diff');
    await outcome.getByRole('button', { name: 'Accept as new version' }).click();
    await page.getByText('Saved as version 4').waitFor();
    const saved = await component('web');
    expect(saved.properties.replicas as number).toBeGreaterThanOrEqual(3);
    expect(saved.position).toEqual(web.position);
  });
});
