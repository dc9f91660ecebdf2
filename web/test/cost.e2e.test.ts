import type { Page } from 'playwright-core';
import { editorState, screenshot, worldToPage } from './support/browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './support/product';

/*
 * Providers and cost in the browser: a project scoped to AWS, ALB → Fargate → RDS + ElastiCache
 * built from the palette's AWS building blocks, the editor's monthly estimate, a run with its
 * cost, a variant with more Fargate tasks, and the compare page's cost delta.
 */

jest.setTimeout(240_000);

describe('cloud providers and cost', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_cost', 1600, 900);
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  afterEach(() => expect(errors).toEqual([]));

  const paletteItem = (name: string) => page.getByRole('button', { name: new RegExp(`^Add ${name}:`, 'i') });

  async function drop(name: string, x: number, y: number): Promise<void> {
    await paletteItem(name).dragTo(page.getByTestId('editor-canvas'), { targetPosition: { x, y } });
  }

  async function idOf(prefix: string): Promise<string> {
    return (await editorState(page)).components.find((c) => c.id.startsWith(prefix))!.id;
  }

  async function centreOf(id: string): Promise<{ x: number; y: number }> {
    const component = (await editorState(page)).components.find((c) => c.id === id)!;
    return worldToPage(page, { x: component.position.x + 80, y: component.position.y + 32 });
  }

  async function connect(sourceId: string, targetId: string): Promise<void> {
    const source = (await editorState(page)).components.find((c) => c.id === sourceId)!;
    const from = await worldToPage(page, { x: source.position.x + 160, y: source.position.y + 32 });
    const centre = await centreOf(sourceId);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.down();
    const to = await centreOf(targetId);
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
  }

  /** Launches a 120 s run of the open, saved version and waits on its page for the cost. */
  async function run(): Promise<string> {
    await page.getByRole('button', { name: /Run…/ }).click();
    await page.getByLabel('Duration (simulated s)').fill('120');
    await page.getByLabel(/^Warm-up/).fill('20');
    await page.getByRole('button', { name: 'Launch simulation' }).click();
    await page.waitForURL(/\/simulations\/[0-9a-f-]+/);
    const id = page.url().split('/simulations/')[1]!.split('?')[0]!;
    await page.getByTestId('cost-monthly').waitFor({ timeout: 120_000 });
    return id;
  }

  it('scopes a project to AWS, builds from the AWS palette, estimates, runs, and compares the cost of a variant', async () => {
    await registerThroughUi(page, product.url, 'Cora Cost', 'cora@example.com');
    const project = (await callApi(page, 'POST', '/api/projects', { name: 'Shop on AWS' })).body;
    await page.goto(`${product.url}/projects/${project.id}`);

    // The project's provider scope: AWS.
    const settings = page.getByRole('region', { name: 'Provider and prices' });
    await settings.getByLabel('Provider scope').selectOption('aws');
    await page.getByText('Provider scope: AWS').waitFor();
    // A bad override is refused with the field named.
    await settings.getByLabel('Price overrides (JSON)').fill('[{"provider":"aws","service":"ec2","sku":"m99.huge","unit":"instance-hour","price":1}]');
    await settings.getByRole('button', { name: 'Save overrides' }).click();
    await settings.getByRole('alert').getByText(/priceOverrides\[0\]\.sku.*m6i\.large/).waitFor();
    await settings.getByLabel('Price overrides (JSON)').fill('[]');
    await screenshot(page, 'cost-project-settings');

    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel('Name').fill('Shop');
    await page.getByLabel(/Blank canvas/).check();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]+$/);
    await page.getByTestId('editor-canvas').waitFor();

    // Generic client, then the AWS building blocks.
    await page.getByRole('list', { name: 'AWS building blocks' }).waitFor();
    await drop('Client', 100, 200);
    await drop('Application Load Balancer', 320, 200);
    await drop('ECS on AWS Fargate', 540, 200);
    await drop('RDS for PostgreSQL', 780, 120);
    await drop('ElastiCache for Redis OSS', 780, 300);
    const state = await editorState(page);
    expect(state.components.map((c) => c.type)).toEqual(['CLIENT', 'LOAD_BALANCER', 'SERVICE', 'DATABASE', 'CACHE']);
    const fargate = state.components[2]!;
    expect(fargate).toMatchObject({ id: 'ecs-fargate-1', properties: { replicas: 2, provider: { provider: 'aws', service: 'ecs-fargate', sku: '1vcpu-2gb' } } });
    expect(state.components[3]!.properties.provider).toMatchObject({ provider: 'aws', service: 'rds-postgres' });

    const [client, alb, rds, cache] = [await idOf('client'), await idOf('alb'), await idOf('rds-postgres'), await idOf('elasticache')];
    await connect(client, alb);
    await connect(alb, fargate.id);
    await connect(fargate.id, rds);
    await connect(fargate.id, cache);
    // Cache-aside: a cache miss goes to the database.
    await connect(cache, rds);
    expect((await editorState(page)).connections).toHaveLength(5);

    // The instant preview prices the design at its load.
    const estimate = page.locator('.preview-cost');
    await estimate.waitFor({ timeout: 30_000 });
    expect(await estimate.textContent()).toMatch(/^≈ \$[\d,]+(\.\d\d)? \/ month at this load$/);
    const estimated = Number((await estimate.textContent())!.replace(/[^\d.]/g, ''));
    expect(estimated).toBeGreaterThan(0);
    await screenshot(page, 'cost-editor-estimate');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved as version \d+/).waitFor();
    const baseline = await run();
    const monthlyA = await page.getByTestId('cost-monthly').textContent();
    expect(monthlyA).toMatch(/^\$[\d,]+\.\d\d$/);
    await page.getByRole('table').filter({ hasText: 'Per month' }).getByText('ECS on AWS Fargate').waitFor();
    await screenshot(page, 'cost-run');

    // The variant: four Fargate tasks instead of two.
    await page.goBack();
    await page.waitForURL(/\/designs\/[0-9a-f-]+/);
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByRole('button', { name: 'Fit' }).click();
    const at = await centreOf(fargate.id);
    await page.mouse.click(at.x, at.y);
    await page.getByLabel(/^Replicas/).fill('4');
    await page.getByLabel(/^Replicas/).press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved as version \d+/).waitFor();
    const variant = await run();

    await page.goto(`${product.url}/projects/${project.id}/compare?a=${baseline}&b=${variant}`);
    const delta = page.getByTestId('cost-delta-monthly');
    await delta.waitFor();
    // Two more 1 vCPU / 2 GiB tasks all month: +2 × $0.04937 × 730 h ≈ +$72.08.
    const text = (await delta.textContent())!;
    expect(text).toMatch(/^\+\$/);
    expect(Number(text.slice(2).split(' ')[0]!.replace(/,/g, ''))).toBeCloseTo(2 * 0.04937 * 730, 0);
    await expect(delta.getAttribute('class')).resolves.toBe('worse');
    await screenshot(page, 'cost-compare');
  });
});
