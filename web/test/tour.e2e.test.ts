import type { Page } from 'playwright-core';
import { editorState, screenshot, worldToPage } from './support/browser';
import { startProduct, type RunningProduct } from './support/product';

/*
 * The README's five-minute tour, followed literally: every click and value the README names, in
 * its order, on the real product at 1280×800. When this test fails, the README lies — change both.
 */

jest.setTimeout(420_000);

describe('the README tour', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_tour');
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  /** Calls the API from the page with the signed-in user's token (to check what the UI claims). */
  function api<T = any>(path: string): Promise<T> {
    return page.evaluate(async (path) => {
      const token = JSON.parse(localStorage.getItem('architech.session')!).accessToken as string;
      return (await fetch(path, { headers: { authorization: `Bearer ${token}` } })).json();
    }, path);
  }

  async function pageAt(world: { x: number; y: number }) {
    return worldToPage(page, world);
  }

  async function component(name: string) {
    const found = (await editorState(page)).components.find((c) => c.name === name || (name === 'Cache' && c.type === 'CACHE'));
    if (!found) throw new Error(`no component ${name}`);
    return found;
  }

  async function click(name: string) {
    const c = await component(name);
    const at = await pageAt({ x: c.position.x + 80, y: c.position.y + 32 });
    await page.mouse.click(at.x, at.y);
  }

  /** "dragging from the round handle on <source>'s right edge onto <target>" */
  async function connect(source: string, target: string) {
    const s = await component(source);
    const t = await component(target);
    const centre = await pageAt({ x: s.position.x + 80, y: s.position.y + 32 });
    const handle = await pageAt({ x: s.position.x + 160, y: s.position.y + 32 });
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.move(handle.x, handle.y, { steps: 4 });
    await page.mouse.down();
    const onto = await pageAt({ x: t.position.x + 80, y: t.position.y + 32 });
    await page.mouse.move(onto.x, onto.y, { steps: 10 });
    await page.mouse.up();
  }

  async function setField(label: RegExp, value: string) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).press('Enter');
  }

  async function launch(withFault: boolean): Promise<string> {
    await page.getByRole('button', { name: /Run…/ }).click();
    await page.getByLabel('Duration (simulated s)').fill('300');
    await page.getByLabel(/^Warm-up/).fill('10');
    if (withFault) {
      await page.getByLabel('Fault target').selectOption({ label: 'PostgreSQL primary (db)' });
      await page.getByLabel('Fault type').selectOption('crash');
      await page.getByRole('button', { name: 'Add fault' }).click();
      await page.getByRole('button', { name: /^crash fault on PostgreSQL primary \(db\): crash 100 s–160 s/ }).waitFor();
      await expect(page.getByRole('group', { name: 'Steady-state hypothesis' }).count()).resolves.toBe(1);
      await screenshot(page, 'tour-launcher');
    }
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    return page.url().split('/simulations/')[1]!.split('?')[0]!;
  }

  it('step 1 to 4 as the README writes them', async () => {
    // 1. Draw.
    await page.goto(`${product.url}/`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Tess Tour');
    await page.getByLabel('Email').fill('tess@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Name').fill('Tour');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel(/Three-tier web application/).check();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.waitForFunction(() => ((window as any).__architech?.store.getState().doc.components.length ?? 0) === 5);

    const app = await component('Application tier');
    const below = await pageAt({ x: app.position.x + 80, y: app.position.y + 32 + 150 });
    const canvas = (await page.getByTestId('editor-canvas').boundingBox())!;
    await page.getByRole('button', { name: /^Add cache:/i }).dragTo(page.getByTestId('editor-canvas'), { targetPosition: { x: below.x - canvas.x, y: below.y - canvas.y } });
    await component('Cache');
    await connect('Application tier', 'Cache');
    await connect('Cache', 'PostgreSQL primary');
    const cache = await component('Cache');
    const db = await component('PostgreSQL primary');
    await screenshot(page, 'tour-connected');
    expect((await editorState(page)).connections.some((c) => c.source === 'app' && c.target === cache.id)).toBe(true);
    expect((await editorState(page)).connections.some((c) => c.source === cache.id && c.target === db.id)).toBe(true);
    await click('Cache');
    await setField(/^Hit ratio/, '0.9');
    expect((await component('Cache')).properties.hitRatio).toBe(0.9);

    const preview = page.getByRole('status').filter({ hasText: /Preview/ });
    await click('Web tier');
    await setField(/^Replicas/, '1');
    await preview.getByText(/1 overloaded/).waitFor();
    await screenshot(page, 'tour-overloaded');
    await setField(/^Replicas/, '3');
    // The preview re-runs: healthy again.
    await page.getByRole('status').filter({ hasText: /Preview \(.*req\/s · p95/ }).filter({ hasNotText: /overloaded/ }).waitFor();
    await expect(page.getByRole('button', { name: /problem/ }).count()).resolves.toBe(0);
    await page.getByTestId('editor-canvas').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+s');
    await page.getByText('Saved as version 2').waitFor();

    // 2. Simulate with a fault.
    const crashId = await launch(true);
    const verdict = page.getByTestId('hypothesis-verdict');
    await verdict.waitFor({ timeout: 240_000 });
    await expect(verdict.textContent()).resolves.toMatch(/FAIL.*error rate < 1%/);

    // 3. Read the dashboard: throughput less than half inside the window, errors from none to hundreds per second.
    const series = async (metric: string) => ((await api(`/api/simulations/${crashId}/metrics?metric=${metric}&component=_end_to_end`)).series[0]?.points ?? []) as { timeSec: number; value: number }[];
    let throughput: { timeSec: number; value: number }[] = [];
    for (let i = 0; i < 60 && (throughput.at(-1)?.timeSec ?? 0) < 290; i++) {
      throughput = await series('throughput');
      if ((throughput.at(-1)?.timeSec ?? 0) < 290) await page.waitForTimeout(500);
    }
    const errorsPerSec = await series('errors');
    const mean = (points: { timeSec: number; value: number }[], from: number, to: number) => {
      const inside = points.filter((p) => p.timeSec >= from && p.timeSec < to);
      return inside.reduce((sum, p) => sum + p.value, 0) / Math.max(1, inside.length);
    };
    expect(mean(throughput, 105, 155)).toBeLessThan(0.5 * mean(throughput, 20, 95));
    expect(mean(errorsPerSec, 20, 95)).toBe(0);
    expect(mean(errorsPerSec, 105, 155)).toBeGreaterThan(100);
    const chart = page.getByRole('figure', { name: /^Load and throughput — end to end/ });
    await chart.getByText(/crash · PostgreSQL primary: 100–160 s/).waitFor({ state: 'attached' });
    await screenshot(page, 'tour-dashboard');

    await page.getByRole('tab', { name: 'Traces' }).click();
    await page.getByLabel('Status').selectOption('error');
    await page.getByRole('button', { name: /^Open trace / }).first().click();
    const waterfall = page.getByRole('list', { name: 'Spans, in call order' });
    await waterfall.waitFor();
    await expect(waterfall.getByRole('button', { name: /, error/ }).count()).resolves.toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByLabel('Search the log messages').fill('crash');
    const logs = page.getByRole('table', { name: 'Log records' });
    await logs.getByText(/crash/i).first().waitFor();
    await logs.getByRole('button', { name: /^Replay at / }).first().click();
    await page.waitForURL(/tab=replay/);

    // 4. Replay and compare.
    await page.waitForFunction(() => ((window as any).__architechReplay?.frames() ?? 0) > 0);
    await page.getByLabel(/Speed/).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('t'));
    await page.getByRole('button', { name: 'Pause' }).click();

    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Three-tier web application' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    const baselineId = await launch(false);
    for (let i = 0; i < 600; i++) {
      const sim = await api(`/api/simulations/${baselineId}`);
      if (sim.status === 'COMPLETED') break;
      await page.waitForTimeout(250);
    }
    await page.goBack();
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByRole('button', { name: 'Runs' }).click();
    const runs = page.getByRole('table', { name: 'Simulations of this design version' });
    const ticks = runs.getByRole('checkbox');
    await ticks.nth(1).waitFor();
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await page.getByRole('button', { name: 'Compare the two' }).click();
    await page.waitForURL(/\/compare\?a=/);
    await page.getByRole('table', { name: 'Metrics of A and B' }).waitFor();
    expect(errors).toEqual([]);
  });
});
