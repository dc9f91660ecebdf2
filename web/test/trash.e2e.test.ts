import type { Page } from 'playwright-core';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Deleting a project in the browser (docs/data-lifecycle.md): the confirmation says it goes to the
 * Trash for 30 days, the project leaves the list, the Trash page lists it with Restore, and
 * restoring brings it back.
 */

jest.setTimeout(180_000);

describe('the trash in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_trash', 1280, 800);
    ({ page, errors } = product);
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(errors).toEqual([]));

  it('deletes a project into the Trash and restores it from there', async () => {
    await registerThroughUi(page, product.url, 'Tess Trash', 'tess@example.com');
    const project = (await callApi(page, 'POST', '/api/projects', { name: 'Old storefront' })).body;

    await page.goto(`${product.url}/projects/${project.id}`);
    await page.getByRole('button', { name: 'Delete project' }).click();
    await page.getByText(/goes to the Trash .* restore it there for 30 days/).waitFor();
    await page.getByRole('button', { name: 'Delete the project' }).click();
    await page.waitForURL(/\/projects$/);
    await page.getByText('moved to the Trash for 30 days').waitFor();
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();

    await page.getByRole('link', { name: 'Trash', exact: true }).click();
    await page.waitForURL(/\/trash$/);
    const deleted = page.getByRole('list', { name: 'Deleted projects' });
    await deleted.getByText('Old storefront').waitFor();
    await deleted.getByText(/deleted for good on/).waitFor();
    await page.getByRole('button', { name: 'Restore Old storefront' }).click();
    await page.getByText('The trash is empty').waitFor();

    await page.getByRole('link', { name: 'Back to projects' }).click();
    await page.getByRole('link', { name: 'Old storefront' }).waitFor();
    expect((await callApi(page, 'GET', `/api/projects/${project.id}`)).status).toBe(200);
  });
});
