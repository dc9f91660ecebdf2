import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, startLauncher } from '../../../infra/launcher/test/support/processes';
import { launchBrowser, openPage } from './browser';

/** The real product for a browser test: the launcher on a fresh PostgreSQL database, and a Chromium page. */
export interface RunningProduct {
  /** The gateway: web app and API. */
  readonly url: string;
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors of the page, for the test to check. */
  readonly errors: string[];
  stop(): Promise<void>;
}

/** The web app with its test hooks (`window.__architech*`), built by `npm run build` beside the production bundle. */
const TEST_HOOKS_BUILD = join(__dirname, '..', '..', 'dist-test-hooks');

/** Starts `npm start`'s launcher on its own database (named after `suite`) and opens a page of `width`×`height`. */
export async function startProduct(suite: string, width?: number, height?: number): Promise<RunningProduct> {
  const database = await createTestDatabase(suite);
  const topology = await startLauncher({ DATABASE_URL: database.url, RATE_LIMIT_PER_MIN: '0', WEB_DIR: TEST_HOOKS_BUILD }).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const browser = await launchBrowser();
  const { page, errors } = await openPage(browser, width, height);
  return {
    url: topology.url,
    browser,
    page,
    errors,
    stop: async () => {
      await browser.close();
      await topology.stop();
      await database.drop();
    },
  };
}

/** Calls the API from `page` with its signed-in user's token (from the app's local storage). */
export function callApi<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = JSON.parse(localStorage.getItem('architech.session')!).accessToken as string;
      const res = await fetch(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as T };
    },
    { method, path, body },
  );
}

/** Creates an account through the register page (the way a new user does) and waits for the project list. */
export async function registerThroughUi(page: Page, url: string, name: string, email: string): Promise<void> {
  await page.goto(`${url}/register`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/projects$/);
}
