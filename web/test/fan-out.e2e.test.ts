import type { Page } from 'playwright-core';
import { editorState, screenshot, worldToPage } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Call graphs end to end in the browser: turn a service into a fan-out with two stages in the
 * properties panel, save, run it from the launcher, and see the parallel calls as overlapping
 * sibling spans in a trace and as request dots on both branches of the replay.
 */

jest.setTimeout(300_000);

const exp = (mean: number) => ({ dist: 'exponential', mean });
const CARD = { width: 160, height: 64 };

/** users → api → auth, orders, inventory; the api calls one downstream until the test changes it. */
const design = {
  name: 'Order API',
  components: [
    { id: 'users', type: 'CLIENT', name: 'Users', properties: { arrival: { process: 'poisson', ratePerSec: 40 } }, position: { x: 40, y: 200 } },
    { id: 'api', type: 'SERVICE', name: 'Order API', properties: { workers: 16, serviceTime: exp(1) }, position: { x: 280, y: 200 } },
    { id: 'auth', type: 'SERVICE', name: 'Auth', properties: { workers: 8, serviceTime: exp(5) }, position: { x: 560, y: 200 } },
    { id: 'orders', type: 'SERVICE', name: 'Orders', properties: { workers: 8, serviceTime: exp(30) }, position: { x: 840, y: 20 } },
    { id: 'inventory', type: 'SERVICE', name: 'Inventory', properties: { workers: 8, serviceTime: exp(30) }, position: { x: 840, y: 380 } },
  ],
  connections: [
    { id: 'users-api', source: 'users', target: 'api' },
    { id: 'api-auth', source: 'api', target: 'auth' },
    { id: 'api-orders', source: 'api', target: 'orders' },
    { id: 'api-inventory', source: 'api', target: 'inventory' },
  ],
};

describe('call graphs in the web app', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_fan_out', 1440, 900);
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  const api = <T = any>(method: string, path: string, body?: unknown) => callApi<T>(page, method, path, body);

  /** Clicks a component's card. */
  async function clickComponent(id: string): Promise<void> {
    const c = design.components.find((x) => x.id === id)!;
    const at = await worldToPage(page, { x: c.position.x + CARD.width / 2, y: c.position.y + CARD.height / 2 });
    await page.mouse.click(at.x, at.y);
  }

  /** Clicks a connection half-way between the source's right edge and the target's left edge (on its vertical jog). */
  async function clickConnection(source: string, target: string): Promise<void> {
    const s = design.components.find((x) => x.id === source)!.position;
    const t = design.components.find((x) => x.id === target)!.position;
    const at = await worldToPage(page, { x: (s.x + CARD.width + t.x) / 2, y: (s.y + t.y) / 2 + CARD.height / 2 });
    await page.mouse.click(at.x, at.y);
  }

  it('draws a two-stage fan-out, runs it, and shows parallel calls in the trace and on both replay branches', async () => {
    await registerThroughUi(page, product.url, 'Fay Fanout', 'fay@example.com');
    const project = (await api('POST', '/api/projects', { name: 'Orders' })).body;
    const saved = (await api('POST', `/api/projects/${project.id}/designs`, design)).body;

    // The API calls every downstream; auth first (stage 1), then orders and inventory in parallel (stage 2).
    await page.goto(`${product.url}/projects/${project.id}/designs/${saved.id}`);
    await page.getByTestId('editor-canvas').waitFor();
    await clickComponent('api');
    expect((await editorState(page)).selection).toEqual(['api']);
    await page.getByLabel('Calls', { exact: true }).selectOption('all');
    for (const target of ['orders', 'inventory']) {
      await clickConnection('api', target);
      expect((await editorState(page)).selection).toEqual([`api-${target}`]);
      // Under a fan-out source the connection offers stage and probability, not weight.
      await expect(page.getByLabel('Weight').count()).resolves.toBe(0);
      const stage = page.getByLabel('Stage');
      await stage.fill('2');
      await stage.press('Enter');
    }
    const state = await editorState(page);
    expect(state.components.find((c) => c.id === 'api')!.properties.fanOut).toBe('all');
    expect(state.connections.filter((c) => c.source === 'api').map((c) => [c.target, (c as { properties?: { stage?: number } }).properties?.stage])).toEqual([
      ['auth', undefined],
      ['orders', 2],
      ['inventory', 2],
    ]);
    await clickComponent('api');
    await screenshot(page, 'editor-fan-out');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2').waitFor();

    // Run it from the launcher.
    await page.getByRole('button', { name: /Run…/ }).click();
    await page.getByLabel('Duration (simulated s)').fill('120');
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    const id = page.url().split('/simulations/')[1]!.split('?')[0]!;
    let run: any;
    for (let i = 0; i < 600; i++) {
      run = (await api('GET', `/api/simulations/${id}`)).body;
      // Traces are stored asynchronously after the run ends: wait until telemetry acknowledges them.
      if (['FAILED', 'CANCELLED'].includes(run.status) || (run.status === 'COMPLETED' && run.telemetryComplete)) break;
      await page.waitForTimeout(250);
    }
    expect(run.status).toBe('COMPLETED');
    expect(run.telemetryComplete).toBe(true);
    // Every request reached both branches (but the few still in flight when the run ended).
    const components = run.summary.components;
    expect(components.api.arrivals).toBeGreaterThan(4000);
    expect(components.api.arrivals - components.orders.arrivals).toBeLessThan(10);
    expect(components.api.arrivals - components.inventory.arrivals).toBeLessThan(10);

    // A trace: orders and inventory are siblings under the API whose intervals overlap, after auth.
    const traces = (await api('GET', `/api/simulations/${id}/traces?limit=50`)).body;
    const list = (traces.traces ?? traces.items ?? traces) as { traceId: string }[];
    expect(list.length).toBeGreaterThan(0);
    const trace = (await api('GET', `/api/simulations/${id}/traces/${list[0]!.traceId}`)).body;
    const spans = trace.spans as { spanId: string; parentSpanId: string | null; componentId: string; startMs: number; endMs: number; attributes: Record<string, unknown> }[];
    const of = (component: string) => spans.find((s) => s.componentId === component)!;
    const [apiSpan, auth, orders, inventory] = [of('api'), of('auth'), of('orders'), of('inventory')];
    expect([auth.parentSpanId, orders.parentSpanId, inventory.parentSpanId]).toEqual([apiSpan.spanId, apiSpan.spanId, apiSpan.spanId]);
    expect(orders.startMs).toBeGreaterThanOrEqual(auth.endMs);
    expect(orders.startMs < inventory.endMs && inventory.startMs < orders.endMs).toBe(true);
    expect(orders.attributes.stage).toBe(2);

    // The waterfall shows both parallel spans.
    await page.goto(`${product.url}/projects/${project.id}/simulations/${id}?tab=traces&trace=${trace.traceId}`);
    const waterfall = page.getByRole('list', { name: 'Spans, in call order' });
    await waterfall.waitFor();
    await waterfall.getByRole('button', { name: /on Orders,/ }).first().waitFor();
    await expect(waterfall.getByRole('button', { name: /on Orders,/ }).first().textContent()).resolves.toContain('stage 2');
    await waterfall.getByRole('button', { name: /on Inventory,/ }).first().waitFor();
    await screenshot(page, 'fan-out-trace');

    // The replay animates requests on both branches of the fan-out.
    await page.getByRole('tab', { name: 'Replay' }).click();
    await page.waitForFunction(() => ((window as any).__architechReplay?.frames() ?? 0) > 0 && (window as any).__architechReplay.tracesLoaded());
    const crossed: string[] = await page.evaluate(() => (window as any).__architechReplay.dotConnections(0, 120));
    expect(crossed).toEqual(expect.arrayContaining(['api-auth', 'api-inventory', 'api-orders', 'users-api']));
    expect(errors).toEqual([]);
  });
});
