import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Account settings in the browser (docs/data-lifecycle.md, privacy operations): "Export my data"
 * downloads a tar.gz of JSON files; "Delete my account" lists the projects the user alone owns
 * with transfer-or-delete, refuses a wrong password, and once done logs out, after which the
 * login is refused and the named member owns the transferred project.
 */

jest.setTimeout(180_000);

describe('the account page', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_account', 1280, 900);
    ({ page, errors } = product);
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(errors).toEqual([]));

  it('exports the data and deletes the account, handing a project over to a member', async () => {
    const password = 'correct horse battery';
    const register = await fetch(`${product.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@example.com', password, name: 'Bob Builder' }) });
    expect(register.status).toBe(201);
    const bob = ((await register.json()) as { user: { id: string } }).user;
    await registerThroughUi(page, product.url, 'Ada Account', 'ada@example.com');
    const solo = (await callApi(page, 'POST', '/api/projects', { name: 'Ada alone' })).body;
    const handover = (await callApi(page, 'POST', '/api/projects', { name: 'Shop for Bob' })).body;
    expect((await callApi(page, 'POST', `/api/projects/${handover.id}/members`, { email: 'bob@example.com', role: 'editor' })).status).toBe(201);

    await page.goto(`${product.url}/projects`);
    await page.getByRole('link', { name: 'Account settings of Ada Account' }).click();
    await page.waitForURL(/\/account$/);
    const owned = page.getByRole('list', { name: 'Projects you alone own' });
    await owned.getByText('Shop for Bob').waitFor();

    // Export: a real download, unpacked with the system's tar.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^architech-export-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
    const dir = mkdtempSync(join(tmpdir(), 'architech-web-export-'));
    try {
      await download.saveAs(join(dir, 'export.tar.gz'));
      execFileSync('tar', ['-xzf', 'export.tar.gz'], { cwd: dir });
      expect(JSON.parse(readFileSync(join(dir, 'account.json'), 'utf8'))).toMatchObject({ email: 'ada@example.com', name: 'Ada Account' });
      expect(JSON.parse(readFileSync(join(dir, 'projects', handover.id, 'project.json'), 'utf8'))).toMatchObject({ name: 'Shop for Bob', role: 'owner' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByText(/Downloaded architech-export-/).waitFor();

    // Delete: transfer one project, delete the other; a wrong password first.
    await page.getByLabel('What happens to Shop for Bob').selectOption(bob.id);
    expect(await page.getByLabel('What happens to Ada alone').inputValue()).toBe('delete');
    const deleteButton = page.getByRole('button', { name: 'Delete my account' });
    expect(await deleteButton.isDisabled()).toBe(true);
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('checkbox').check();
    await page.getByText(/my account and 1 project \(Ada alone\) will be deleted for good/).waitFor();
    await screenshot(page, 'account-delete-confirm');
    await deleteButton.click();
    await page.getByText('The password is wrong.').waitFor();
    await screenshot(page, 'account-wrong-password');

    await page.getByLabel('Password').fill(password);
    await deleteButton.click();
    await page.waitForURL(/\/login\?accountDeleted=deleted$/);
    await page.getByText('Your account and personal data are deleted.').waitFor();
    await screenshot(page, 'account-deleted-login');
    expect(await page.evaluate(() => localStorage.getItem('architech.session'))).toBeNull();

    // The login is refused; Bob owns the handed-over project; the other is gone.
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The email or the password is wrong.').waitFor();
    const login = await fetch(`${product.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@example.com', password }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const asBob = (path: string) => fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await (await asBob(`/api/projects/${handover.id}`)).json()) as { role: string }).role).toBe('owner');
    expect((await asBob(`/api/projects/${solo.id}`)).status).toBe(404);
  });
});
