import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Requirements as checks in the browser: write a requirement with the criteria form and the fault
 * timeline, check two versions from the editor (one passes, one fails), and see the evidence, the
 * versions' badges, the failure streak and the regressed flag.
 */

jest.setTimeout(300_000);

/** 40 requests a second: 4 workers of 20 ms keep up; 1 worker of 30 ms cannot (its queue and p99 grow). */
const design = (workers: number, serviceMs: number) => ({
  components: [
    { id: 'users', type: 'CLIENT', name: 'Shoppers', properties: { arrival: { process: 'constant', ratePerSec: 40 } }, position: { x: 80, y: 200 } },
    { id: 'api', type: 'SERVICE', name: 'Checkout API', properties: { workers, serviceTime: { dist: 'constant', value: serviceMs } }, position: { x: 360, y: 200 } },
    { id: 'db', type: 'DATABASE', name: 'Orders DB', properties: { workers: 4, serviceTime: { dist: 'constant', value: 2 } }, position: { x: 640, y: 200 } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'api' },
    { id: 'c2', source: 'api', target: 'db' },
  ],
});

describe('requirements as checks in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_checks', 1400, 900);
    ({ page, errors } = product);
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(errors).toEqual([]));

  const api = <T = any>(method: string, path: string, body?: unknown) => callApi<T>(page, method, path, body);

  async function checkFromEditor(projectId: string, designId: string, expected: 'passed' | 'failed'): Promise<void> {
    await page.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
    await page.getByRole('button', { name: /Check this version/ }).click();
    await page.waitForURL(/\/requirements\?checkRun=/);
    const evidence = page.getByRole('article', { name: 'Evidence for REQ-0001' });
    await evidence.waitFor({ timeout: 180_000 });
    await evidence.locator(`.verdict-${expected}`).first().waitFor();
  }

  it('writes a requirement, checks a passing and a failing version, and shows evidence, badges and the streak', async () => {
    await registerThroughUi(page, product.url, 'Quinn QA', 'quinn@example.com');
    const project = (await api('POST', '/api/projects', { name: 'Shop' })).body;
    const v1 = (await api('POST', `/api/projects/${project.id}/designs`, { name: 'Checkout', ...design(4, 20) })).body;
    const v2 = (await api('POST', `/api/projects/${project.id}/designs`, { name: 'Checkout', lineageId: v1.lineageId, baseVersion: 1, ...design(1, 30) })).body;

    // The project page leads to the requirements; none yet.
    await page.goto(`${product.url}/projects/${project.id}`);
    await page.getByRole('link', { name: /Requirements and checks/ }).click();
    await page.getByText('No requirement yet').waitFor();

    // Write one: statement, scenario with a crash of the database on the timeline, two criteria.
    await page.getByRole('button', { name: 'New requirement' }).click();
    const form = page.getByRole('form', { name: 'New requirement' });
    await form.getByLabel('Statement').fill('Checkout p99 stays under 100 ms after a database crash');
    await form.getByLabel('Tags (comma-separated)').fill('performance, reliability');
    await form.getByLabel('Duration (simulated s)').fill('40');
    await form.getByLabel(/^Warm-up/).fill('0');
    await form.getByLabel(/^Replications/).fill('2');
    await form.getByLabel('Fault target').selectOption('db');
    await form.getByLabel('Fault type').selectOption('crash');
    await form.getByRole('button', { name: 'Add fault' }).click();
    await form.getByRole('button', { name: /^crash fault on Orders DB \(db\)/ }).waitFor();
    // A criterion bound to the faults' aftermath; the form refuses a window the scenario lacks, by field.
    await form.getByLabel('Criterion 1 window').selectOption('after-fault');
    await form.getByLabel('Criterion 1 threshold').fill('100');
    await form.getByRole('button', { name: 'Add criterion' }).click();
    await form.getByLabel('Criterion 2 metric').selectOption('recoverySec');
    await form.getByLabel('Criterion 2 comparison').selectOption('<=');
    await form.getByLabel('Criterion 2 threshold').fill('5');
    await screenshot(page, 'checks-requirement-form');
    await form.getByRole('button', { name: 'Save requirement' }).click();
    await page.getByRole('table', { name: 'Requirements' }).getByText('REQ-0001').waitFor();
    const stored = (await api('GET', `/api/projects/${project.id}/requirements/REQ-0001`)).body;
    expect(stored).toMatchObject({ statement: 'Checkout p99 stays under 100 ms after a database crash', tags: ['performance', 'reliability'], scenario: { durationSec: 40, replications: 2, faults: [{ type: 'crash', target: 'db' }] } });
    expect(stored.criteria).toEqual([
      { metric: 'latencyP99Ms', op: '<', value: 100, window: 'after-fault' },
      { metric: 'recoverySec', op: '<=', value: 5 },
    ]);

    // v1 passes, v2 fails, v2 fails again: regressed.
    await checkFromEditor(project.id, v1.id, 'passed');
    await checkFromEditor(project.id, v2.id, 'failed');
    const evidence = page.getByRole('article', { name: 'Evidence for REQ-0001' });
    await evidence.getByText(/p99 latency \(ms\) \(after-fault\) < 100/).waitFor();
    await evidence.getByText(/seeds 1, 2/).waitFor();
    await screenshot(page, 'checks-evidence-failed');
    await checkFromEditor(project.id, v2.id, 'failed');
    await page.goto(`${product.url}/projects/${project.id}/requirements`);
    const history = page.getByRole('table', { name: 'Requirement history' });
    const row = history.getByRole('row', { name: /REQ-0001/ });
    await row.getByText('regressed').waitFor();
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('2');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('33% of 3');
    await page.getByRole('img', { name: 'Verdicts of 1 requirements over 3 check runs' }).waitFor();
    await screenshot(page, 'checks-history');

    // The versions list shows each version's badge.
    await page.goto(`${product.url}/projects/${project.id}/designs/${v2.id}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByRole('list', { name: 'Versions' });
    await versions.getByRole('listitem').filter({ hasText: 'v2' }).getByText('checks: failed').waitFor();
    await versions.getByRole('listitem').filter({ hasText: 'v1' }).getByText('checks: passed').waitFor();
    await screenshot(page, 'checks-version-badges');
  });
});
