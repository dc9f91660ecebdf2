import { openPage, screenshot } from './support/browser';
import { example, newcomerSession } from './support/newcomer';

/*
 * Runs as a new user meets them (issue 12): a launcher that silently refused or hid its buttons,
 * a replay that fetched trace by trace, runs that could not be told apart or cancelled — on the
 * real product in Debian's Chromium at 1280×800 (and 1024×700 where the layout is at stake). The
 * editor is in newcomer-editor.e2e.test.ts.
 */

jest.setTimeout(240_000);

describe('runs for a newcomer', () => {
  const session = newcomerSession('web_newcomer_runs');
  const { api, openExample } = session;

  it('item 2: every fault type launches with its defaults, and a bad value is named in the launcher and focused', async () => {
    const { page, product, projectId } = session;
    const designId = await openExample('three-tier.json', 'Fault defaults');
    const openLauncher = async () => {
      await page.getByRole('button', { name: /Run…/ }).click();
      await page.getByRole('form', { name: 'Run a simulation' }).waitFor();
      await page.getByLabel('Duration (simulated s)').fill('30');
    };
    const add = async (target: string, type: string) => {
      await page.getByLabel('Fault target').selectOption(target);
      await page.getByLabel('Fault type').selectOption(type);
      await page.getByRole('button', { name: 'Add fault' }).click();
    };
    await openLauncher();
    await add('app', 'latency');
    await add('web', 'error');
    await add('lb-web', 'packet_loss');
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    const id = page.url().split('/simulations/')[1]!.split('?')[0]!;
    const sim = (await api('GET', `/api/simulations/${id}`)).body;
    expect(sim.configuration.faults.map((f: { type: string }) => f.type)).toEqual(['latency', 'error', 'packet_loss']);
    expect(sim.configuration.faults[0].delayMs).toBe(200);
    expect(sim.configuration.faults[1].rate).toBe(1);
    expect(sim.configuration.faults[2].rate).toBe(0.2);

    // A rate above 1 is refused by the launcher itself, listed with the fault's name, and focused.
    await page.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
    await page.getByTestId('editor-canvas').waitFor();
    await openLauncher();
    await add('lb-web', 'packet_loss');
    const rate = page.getByLabel('Loss rate (0–1)');
    await rate.fill('5');
    await page.getByLabel('Seed').focus();
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    const problems = page.getByRole('alert', { name: 'Settings to fix before launching' });
    await problems.getByText(/Fault 1 \(packet loss on .*\) · rate/).waitFor();
    await expect(problems.textContent()).resolves.toMatch(/between 0\.001 and 1|≤ 1/);
    await expect(rate.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot(page, 'launcher-problem');
    expect(page.url()).toContain(`/designs/${designId}`);
    await page.keyboard.press('Escape');
  });

  it('item 13: the launcher is a side sheet that keeps Launch and the fault list in view at 1280×800 and 1024×700', async () => {
    const { page, product, projectId } = session;
    const designId = await openExample('three-tier.json', 'Launcher layout');
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      const { page: small, errors: smallErrors } = await openPage(product.browser, width, height);
      await small.goto(`${product.url}/`);
      await small.evaluate((session) => localStorage.setItem('architech.session', session), await page.evaluate(() => localStorage.getItem('architech.session')!));
      await small.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
      await small.getByTestId('editor-canvas').waitFor();
      const canvasBefore = (await small.getByTestId('editor-canvas').boundingBox())!;
      await small.getByRole('button', { name: /Run…/ }).click();
      await small.getByRole('dialog', { name: 'Run a simulation' }).waitFor();
      await small.getByLabel('Fault target').selectOption('db');
      await small.getByLabel('Fault type').selectOption('crash');
      await small.getByRole('button', { name: 'Add fault' }).click();
      await small.getByLabel(/Replicas crashed/).waitFor();
      const launch = (await small.getByRole('button', { name: 'Launch simulation' }).boundingBox())!;
      expect(launch.y + launch.height).toBeLessThanOrEqual(height);
      expect(launch.x + launch.width).toBeLessThanOrEqual(width);
      // The fault type list shows its options in full.
      const type = small.getByLabel('Fault type');
      const fits = await type.evaluate((el: HTMLSelectElement) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().width >= 90);
      expect(fits).toBe(true);
      // Timeline labels never overlap.
      const labels = await small.locator('.timeline-axis span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect()).map((r) => [r.left, r.right]));
      for (let i = 1; i < labels.length; i++) expect(labels[i]![0]!).toBeGreaterThanOrEqual(labels[i - 1]![1]!);
      // The canvas keeps its size underneath.
      const canvasAfter = (await small.getByTestId('editor-canvas').boundingBox())!;
      expect(canvasAfter.height).toBeGreaterThanOrEqual(canvasBefore.height - 1);
      await screenshot(small, `launcher-${width}x${height}`);
      expect(smallErrors).toEqual([]);
      await small.context().close();
    }
  });

  /** One finished crash run with many kept traces, shared by the tests of items 7, 8 and 9. */
  let finishedRun: Promise<{ designId: string; runId: string }> | undefined;
  function crashRun(): Promise<{ designId: string; runId: string }> {
    const { page, projectId } = session;
    finishedRun ??= (async () => {
      const design = example('three-tier.json');
      const saved = (await api('POST', `/api/projects/${projectId}/designs`, { name: 'Replay load', components: design.components, connections: design.connections })).body;
      const run = (await api('POST', `/api/designs/${saved.id}/simulations`, { durationSec: 120, warmupSec: 10, seed: 3, faults: [{ type: 'crash', target: 'db', startSec: 40, durationSec: 20 }], tracing: { sampleRate: 0.05, maxTraces: 1000, slowest: 20, maxLogs: 10000 } })).body;
      for (let i = 0; i < 400; i++) {
        const sim = (await api('GET', `/api/simulations/${run.id}`)).body;
        if (sim.status === 'COMPLETED') break;
        if (['FAILED', 'CANCELLED'].includes(sim.status)) throw new Error(`run ${sim.status}`);
        await page.waitForTimeout(250);
      }
      // Wait until the traces are stored (they land after the run completes).
      for (let i = 0; i < 100 && (await api('GET', `/api/simulations/${run.id}/traces?limit=1`)).body.total < 100; i++) await page.waitForTimeout(250);
      return { designId: saved.id as string, runId: run.id as string };
    })();
    return finishedRun;
  }

  it('item 7: the replay loads its sampled requests in one or two requests, not one per trace', async () => {
    const { page, product, projectId } = session;
    const { runId: id } = await crashRun();
    const run = { id };
    // Item 7: the replay's sample of traces arrives in one or two requests, not one per trace.
    const traceRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/traces(\/|\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) traceRequests.push(r.url());
    });
    await page.goto(`${product.url}/projects/${projectId}/simulations/${run.id}?tab=replay`);
    await page.waitForFunction(() => ((window as any).__architechReplay?.frames() ?? 0) > 0);
    await page.waitForTimeout(3000);
    expect(traceRequests.length).toBeGreaterThan(0);
    expect(traceRequests.length).toBeLessThanOrEqual(3);
    page.removeAllListeners('request');
  });

  it('item 8: rows of the trace list tell traces apart by id, start and duration', async () => {
    const { page, product, projectId } = session;
    const { runId: id } = await crashRun();
    const run = { id };
    await page.goto(`${product.url}/projects/${projectId}/simulations/${run.id}?tab=traces`);
    const opens = page.getByRole('button', { name: /^Open trace / });
    await opens.nth(9).waitFor();
    const shown = await opens.evaluateAll((buttons) => buttons.map((b) => b.querySelector('code')!.textContent));
    expect(new Set(shown).size).toBe(shown.length);
    await screenshot(page, 'trace-list');
  });

  it('item 9: the Runs panel of the editor shows state, duration, throughput, p99 and error rate', async () => {
    const { page, product, projectId } = session;
    const { designId } = await crashRun();
    const saved = { id: designId };
    await page.goto(`${product.url}/projects/${projectId}/designs/${saved.id}?panel=runs`);
    const runs = page.getByRole('table', { name: 'Simulations of this design version' });
    await runs.getByRole('checkbox').first().waitFor();
    const panel = (await page.locator('.inspector-column').boundingBox())!;
    const row = runs.locator('tbody tr').first();
    // The cells after the tick box and the run's link: state, duration, throughput, p99, error rate.
    for (const column of [2, 3, 4, 5, 6]) {
      const cell = row.locator('td').nth(column);
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
      await expect(cell.isVisible()).resolves.toBe(true);
    }
    await expect(row.locator('td').nth(4).textContent()).resolves.toMatch(/req\/s/);
    await screenshot(page, 'runs-panel');
  });

  it('items 5, 6 and 16: a cancel shows as soon as the run stops, a finished run never claims to have nothing, the header stays compact', async () => {
    const { page, product, projectId } = session;
    const design = example('three-tier.json');
    const saved = (await api('POST', `/api/projects/${projectId}/designs`, { name: 'Long run', components: design.components, connections: design.connections })).body;
    const launched = await api('POST', `/api/designs/${saved.id}/simulations`, { durationSec: 3000, warmupSec: 10, replications: 3 });
    expect(launched.status).toBe(202);
    const long = launched.body;
    await page.goto(`${product.url}/projects/${projectId}/simulations/${long.id}`);
    await page.getByRole('progressbar', { name: 'Simulation progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this simulation?' });
    await dialog.getByRole('button', { name: 'Cancel the run' }).click();
    const toastText = page.getByText(/Cancelled: the run stopped \d+(\.\d)? s after you asked\./);
    await toastText.waitFor({ timeout: 30_000 });
    console.log(`cancel: ${await toastText.textContent()}`);
    await page.getByText('The run was cancelled before its summary was computed.').waitFor();

    // A short run watched to the end: no empty state claiming there is nothing, at any moment.
    const short = (await api('POST', `/api/designs/${saved.id}/simulations`, { durationSec: 600, warmupSec: 10, replications: 3 })).body;
    await page.goto(`${product.url}/projects/${projectId}/simulations/${short.id}`);
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const text = (await page.locator('main').textContent()) ?? '';
      for (const phrase of ['This run has no summary', 'This run stored no time series', 'Computing the summary', 'Loading the summary', 'Receiving telemetry']) if (text.includes(phrase)) seen.add(phrase);
      if ((await page.getByRole('region', { name: 'End-to-end results' }).isVisible()) && !text.includes('Receiving telemetry')) break;
      await page.waitForTimeout(50);
    }
    console.log(`states shown while the run finished: ${[...seen].join(', ') || 'none'}`);
    expect(seen.has('This run has no summary')).toBe(false);
    expect(seen.has('This run stored no time series')).toBe(false);
    await page.getByRole('region', { name: 'End-to-end results' }).waitFor();

    // The header (title, verdict, numbers, one line of configuration) leaves the tabs in view at 1280×800.
    const tabs = (await page.getByRole('tab', { name: 'Dashboard' }).boundingBox())!;
    expect(tabs.y).toBeLessThan(330);
    await page.getByText('Configuration', { exact: true }).click();
    await page.getByRole('table', { name: 'Faults' }).or(page.getByText('None: a steady-state run.')).waitFor();
    await screenshot(page, 'simulation-header');
  });
});
