import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { screenshot } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Fault injection end to end in the browser: launch a run with a crash on the timeline, watch it,
 * read the dashboard, scrub the replay into the fault, open a failed trace, find the crash in the
 * logs, and compare with a baseline — on the real product (launcher, real PostgreSQL).
 */

jest.setTimeout(300_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'three-tier.json'), 'utf8'));

describe('simulations in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_simulations');
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  /** Calls the API from the page with the signed-in user's token. */
  const api = <T = any>(method: string, path: string, body?: unknown) => callApi<T>(page, method, path, body);

  async function waitUntilFinished(id: string): Promise<any> {
    for (let i = 0; i < 600; i++) {
      const sim = (await api('GET', `/api/simulations/${id}`)).body;
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(sim.status)) return sim;
      await page.waitForTimeout(250);
    }
    throw new Error(`simulation ${id} did not finish`);
  }

  it('runs a crash fault from the timeline and shows it on the dashboard, the replay, traces, logs and compare', async () => {
    await registerThroughUi(page, product.url, 'Sam SRE', 'sam@example.com');
    const project = (await api('POST', '/api/projects', { name: 'Resilience' })).body;
    const design = (await api('POST', `/api/projects/${project.id}/designs`, { name: threeTier.name, components: threeTier.components, connections: threeTier.connections })).body;

    // Open the saved design, add a crash of the database on the fault timeline, launch.
    await page.goto(`${product.url}/projects/${project.id}/designs/${design.id}`);
    await page.getByRole('button', { name: /Run…/ }).click();
    await page.getByLabel('Duration (simulated s)').fill('900');
    // Validated in the browser with the API's rules: a warm-up as long as the run is refused, by field.
    await page.getByLabel(/^Warm-up/).fill('900');
    await page.getByText('The warm-up must be shorter than the duration', { exact: true }).waitFor();
    // Launching lists the problem in the launcher and puts the cursor in the field; nothing is sent.
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.getByRole('alert', { name: 'Settings to fix before launching' }).getByText(/Warm-up/).waitFor();
    await expect(page.getByLabel(/^Warm-up/).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(page.url()).toContain('/designs/');
    await page.getByLabel(/^Warm-up/).fill('30');
    await page.getByRole('alert', { name: 'Settings to fix before launching' }).waitFor({ state: 'detached' });
    await page.getByLabel('Fault target').selectOption('db');
    await page.getByLabel('Fault type').selectOption('crash');
    await page.getByRole('button', { name: 'Add fault' }).click();
    const bar = page.getByRole('button', { name: /^crash fault on PostgreSQL primary \(db\): crash 300 s–480 s/ });
    await bar.waitFor();
    // Keyboard editing of the bar: 10 s later, then back.
    await bar.press('Shift+ArrowRight');
    await page.getByRole('button', { name: /crash 310 s–490 s/ }).press('Shift+ArrowLeft');
    await bar.waitFor();
    await screenshot(page, 'launch-fault-timeline');
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    const crashId = page.url().split('/simulations/')[1]!.split('?')[0]!;

    // Live progress over SSE, then the result.
    const seen: number[] = [];
    const progress = page.getByRole('progressbar', { name: 'Simulation progress' });
    for (let i = 0; i < 400 && !(await page.getByTestId('hypothesis-verdict').isVisible()); i++) {
      const now = await progress.getAttribute('aria-valuenow', { timeout: 100 }).catch(() => null);
      if (now !== null) seen.push(Number(now));
      await page.waitForTimeout(100);
    }
    const finished = await waitUntilFinished(crashId);
    expect(finished).toMatchObject({ status: 'COMPLETED', progress: 1 });
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    await expect(page.getByTestId('hypothesis-verdict').textContent()).resolves.toMatch(/FAIL.*error rate < 1%/);

    // The dashboard: series with points, the crash window marked on the charts.
    // (Waiting only after the reload has begun: the dashboard may still be fetching the last series before it.)
    // Every chart's series come in one request (POST …/metrics/batch), not one request per metric.
    const metricReads: string[] = [];
    const noteMetricRead = (r: Request) => {
      if (r.url().includes(`/api/simulations/${crashId}/metrics`)) metricReads.push(`${r.method()} ${new URL(r.url()).pathname}`);
    };
    page.on('request', noteMetricRead);
    await page.reload({ waitUntil: 'commit' });
    const batch = await (await page.waitForResponse((r) => r.url().includes(`/api/simulations/${crashId}/metrics/batch`) && r.ok())).json();
    expect(batch.results.some((r: { series: { points: unknown[] }[] }) => r.series.some((s) => s.points.length > 100))).toBe(true);
    const throughput = page.getByRole('figure', { name: /^Load and throughput — end to end/ });
    await throughput.getByText('crash · PostgreSQL primary: 300–480 s').waitFor({ state: 'attached' });
    // Every chart's series have arrived (a finished run stops refreshing once its telemetry is complete).
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await screenshot(page, 'simulation-dashboard');
    expect(metricReads.length).toBeGreaterThan(0);
    expect(new Set(metricReads)).toEqual(new Set([`POST /api/simulations/${crashId}/metrics/batch`]));
    // The series request went out before the charts were built (building them must not delay it).
    const order = await page.evaluate(() => ({
      requested: performance.getEntriesByType('resource').find((e) => e.name.includes('/metrics/batch'))?.startTime,
      built: (window as any).__architechDashboard?.chartsBuiltAt(),
    }));
    expect(typeof order.built).toBe('number');
    expect(order.requested).toBeLessThan(order.built);

    // Replay: the database's colour before and inside the crash window.
    metricReads.length = 0;
    await page.getByRole('tab', { name: 'Replay' }).click();
    await page.waitForFunction(() => ((window as any).__architechReplay?.frames() ?? 0) > 0);
    await page.waitForFunction(() => (window as any).__architechReplay.tracesLoaded());
    // The replay's series too: a batch for the first frame's metrics, then one for the others.
    for (let i = 0; i < 300 && metricReads.length < 2; i++) await page.waitForTimeout(100);
    expect(metricReads.length).toBeGreaterThanOrEqual(2);
    expect(new Set(metricReads)).toEqual(new Set([`POST /api/simulations/${crashId}/metrics/batch`]));
    page.off('request', noteMetricRead);
    const scrubber = page.getByRole('slider', { name: 'Simulated time' });
    await scrubber.fill('200');
    await page.waitForFunction(() => Math.abs((window as any).__architechReplay.time() - 200) < 1.5);
    // colourOf reads the last painted frame: let a frame or two paint the new moment first.
    const painted = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await painted();
    const before = await page.evaluate(() => (window as any).__architechReplay.colourOf('db'));
    await scrubber.fill('400');
    await page.waitForFunction(() => Math.abs((window as any).__architechReplay.time() - 400) < 1.5);
    expect(before).toBeDefined();
    // The crash shows within a few frames (the series of a just-finished run may still be landing).
    await page.waitForFunction((colour) => (window as any).__architechReplay.colourOf('db') !== colour, before, { timeout: 15_000 });
    const during = await page.evaluate(() => (window as any).__architechReplay.colourOf('db'));
    expect(during).toBeDefined();
    expect(during).not.toEqual(before);
    await screenshot(page, 'simulation-replay');

    // Traces: a failed one opens in the waterfall.
    await page.goto(`${product.url}/projects/${project.id}/simulations/${crashId}?tab=traces&status=error`);
    const openTrace = page.getByRole('button', { name: /^Open trace / }).first();
    await openTrace.click();
    const waterfall = page.getByRole('list', { name: 'Spans, in call order' });
    await waterfall.waitFor();
    await expect(waterfall.getByRole('button', { name: /, error/ }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'simulation-trace');

    // Logs: the crash is found by a full-text search.
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByLabel('Search the log messages').fill('crash');
    const logs = page.getByRole('table', { name: 'Log records' });
    await logs.getByText(/crash/i).first().waitFor();
    await screenshot(page, 'simulation-logs');

    // Compare with the same run without the fault: a higher error rate under the crash.
    const baseline = (await api('POST', `/api/designs/${design.id}/simulations`, { durationSec: 900, warmupSec: 30, seed: finished.configuration.seed })).body;
    await waitUntilFinished(baseline.id);
    // The editor's Runs panel lists both runs of the version; ticking them opens the comparison.
    await page.goto(`${product.url}/projects/${project.id}/designs/${design.id}?panel=runs`);
    const runs = page.getByRole('table', { name: 'Simulations of this design version' });
    const ticks = runs.getByRole('checkbox', { name: /^Compare the run of / });
    await ticks.nth(1).waitFor();
    expect(await ticks.count()).toBe(2);
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await page.getByRole('button', { name: 'Compare the two' }).click();
    // The older run (the crash) is A; swapping makes the baseline A.
    await page.waitForURL(new RegExp(`/compare\\?a=${crashId}&b=${baseline.id}$`));
    await page.getByRole('button', { name: 'Swap A and B' }).click();
    await page.waitForURL(new RegExp(`/compare\\?a=${baseline.id}&b=${crashId}$`));
    const table = page.getByRole('table', { name: 'Metrics of A and B' });
    const errorRate = table.locator('tr', { has: page.locator('th', { hasText: /^error rate$/ }) }).first();
    await errorRate.waitFor();
    await expect(errorRate.getAttribute('class')).resolves.toBe('verdict-worse');
    await expect(errorRate.locator('td').nth(2).textContent()).resolves.toMatch(/^\+/);
    await screenshot(page, 'simulation-compare');
    expect(errors).toEqual([]);
  });
});
