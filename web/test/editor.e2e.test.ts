import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { editorState, screenshot, worldToPage } from './support/browser';
import { startProduct, type RunningProduct } from './support/product';

/*
 * The editor end to end: the real product (`npm start`'s launcher on a real PostgreSQL) serving the
 * built web app, driven in Debian's Chromium like a designer would.
 */

jest.setTimeout(240_000);

describe('the web editor', () => {
  let product: RunningProduct;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    product = await startProduct('web_editor');
    ({ page, errors } = product);
  });

  afterAll(() => product?.stop());

  afterEach(() => expect(errors).toEqual([]));

  const paletteItem = (name: string) => page.getByRole('button', { name: new RegExp(`^Add ${name}:`, 'i') });

  /** Drags a palette item onto the canvas so that the component's centre lands at (x, y) of the canvas. */
  async function dropFromPalette(name: string, x: number, y: number): Promise<void> {
    await paletteItem(name).dragTo(page.getByTestId('editor-canvas'), { targetPosition: { x, y } });
  }

  async function centreOf(id: string): Promise<{ x: number; y: number }> {
    const component = (await editorState(page)).components.find((c) => c.id === id)!;
    return worldToPage(page, { x: component.position.x + 80, y: component.position.y + 32 });
  }

  /** Drags from the connection handle on the source's right edge to the target's centre. */
  async function connectByDrag(sourceId: string, targetId: string): Promise<void> {
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

  it('registers, creates a project and a design, draws, saves, reloads, undoes and round-trips JSON', async () => {
    await page.goto(`${product.url}/`);
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Dana Designer');
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/projects$/);
    await page.getByText('No projects yet').waitFor();

    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Name').fill('Checkout');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();

    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel('Name').fill('Checkout path');
    await page.getByLabel(/Blank canvas/).check();
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]+$/);
    await page.getByTestId('editor-canvas').waitFor();

    await dropFromPalette('Client', 150, 200);
    await dropFromPalette('Service', 450, 200);
    await dropFromPalette('Database', 750, 200);
    let state = await editorState(page);
    expect(state.components.map((c) => c.type)).toEqual(['CLIENT', 'SERVICE', 'DATABASE']);
    const [client, service, database] = state.components.map((c) => c.id) as [string, string, string];
    // Dropped where the pointer was (centred on it), in world coordinates.
    const serviceCentre = await centreOf(service);
    const canvasBox = (await page.getByTestId('editor-canvas').boundingBox())!;
    expect(Math.abs(serviceCentre.x - (canvasBox.x + 450))).toBeLessThanOrEqual(20);

    await connectByDrag(client, service);
    await connectByDrag(service, database);
    state = await editorState(page);
    expect(state.connections.map((c) => [c.source, c.target])).toEqual([
      [client, service],
      [service, database],
    ]);

    const at = await centreOf(service);
    await page.mouse.click(at.x, at.y);
    expect((await editorState(page)).selection).toEqual([service]);
    const replicas = page.getByLabel(/^Replicas/);
    await replicas.fill('3');
    await replicas.press('Enter');
    state = await editorState(page);
    expect(state.components.find((c) => c.id === service)!.properties.replicas).toBe(3);
    await screenshot(page, 'editor-drawn');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2').waitFor();
    const saved = await editorState(page);

    await page.reload();
    await page.getByTestId('editor-canvas').waitFor();
    await page.waitForFunction(() => (window as unknown as { __architech?: { store: { getState(): { doc: { components: unknown[] } } } } }).__architech?.store.getState().doc.components.length === 3);
    const reloaded = await editorState(page);
    expect(reloaded.components).toEqual(saved.components);
    expect(reloaded.connections).toEqual(saved.connections);
    await expect(page.getByText('v2', { exact: true }).isVisible()).resolves.toBe(true);

    // Undo / redo from the keyboard on the focused canvas.
    const db = await centreOf(database);
    await page.mouse.click(db.x, db.y);
    await page.keyboard.press('Delete');
    expect((await editorState(page)).components).toHaveLength(2);
    expect((await editorState(page)).connections).toHaveLength(1);
    await page.keyboard.press('Control+z');
    expect((await editorState(page)).components).toEqual(saved.components);
    expect((await editorState(page)).connections).toEqual(saved.connections);
    await page.keyboard.press('Control+Shift+z');
    expect((await editorState(page)).components).toHaveLength(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await editorState(page)).components).toHaveLength(3);

    // Export JSON, then import it back: the same design.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('checkout-path.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.components).toEqual(saved.components);
    expect(exported.connections).toEqual(saved.connections);
    // Export PNG: a real PNG image of the design, named after it.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('checkout-path.png');
    const image = readFileSync((await png.path())!);
    expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(image.length).toBeGreaterThan(2000);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles({ name: 'checkout-path.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.getByText(/Imported checkout-path.json/).waitFor();
    const imported = await editorState(page);
    expect(imported.components).toEqual(saved.components);
    expect(imported.connections).toEqual(saved.connections);
  });

  it('starts from a template, previews it in the browser, resolves a save conflict, and compares versions', async () => {
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]+$/);
    const projectUrl = page.url();
    await page.getByRole('table', { name: 'Designs' }).waitFor();
    await page.getByRole('button', { name: 'New design' }).click();
    await page.getByLabel(/Three-tier web application/).check();
    await screenshot(page, 'new-design');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]+$/);

    // The instant preview runs the engine in a Web Worker: figures, and no overload at 400 req/s.
    const preview = page.getByRole('status').filter({ hasText: /Preview/ });
    await expect(preview.getByText(/req\/s · p95 \d+(\.\d+)? ms/).waitFor()).resolves.toBeUndefined();
    expect(await preview.textContent()).not.toMatch(/overloaded/);
    await page.getByRole('button', { name: 'Fit' }).click();
    await screenshot(page, 'editor-template-preview');

    // One web replica instead of three: 400 req/s × 20 ms on 4 workers is ρ = 2 — overloaded.
    const web = (await editorState(page)).components.find((c) => c.id === 'web')!;
    const at = await worldToPage(page, { x: web.position.x + 80, y: web.position.y + 32 });
    await page.mouse.click(at.x, at.y);
    await page.getByLabel(/^Replicas/).fill('1');
    await page.getByLabel(/^Replicas/).press('Enter');
    await preview.getByText(/1 overloaded/).waitFor();
    await screenshot(page, 'editor-overloaded');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2').waitFor();

    // Someone else saves version 3 meanwhile (same account, through the API).
    const designId = page.url().split('/designs/')[1]!.split('?')[0]!;
    const status = await page.evaluate(async (id) => {
      const token = JSON.parse(localStorage.getItem('architech.session')!).accessToken as string;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const v2 = await (await fetch(`/api/designs/${id}`, { headers })).json();
      const res = await fetch(`/api/projects/${v2.projectId}/designs`, { method: 'POST', headers, body: JSON.stringify({ lineageId: v2.lineageId, baseVersion: 2, components: v2.components, connections: v2.connections }) });
      return res.status;
    }, designId);
    expect(status).toBe(201);

    await page.mouse.click(at.x, at.y);
    await page.getByLabel(/^Replicas/).fill('3');
    await page.getByLabel(/^Replicas/).press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone saved a newer version' });
    await dialog.getByText('v3', { exact: true }).first().waitFor();
    await screenshot(page, 'save-conflict');
    await dialog.getByRole('button', { name: 'Save mine as v4' }).click();
    await page.getByText('Saved as version 4').waitFor();
    expect((await editorState(page)).components.find((c) => c.id === 'web')!.properties.replicas).toBe(3);

    // Versions: compare v4 with v2 (replicas 1 → 3 on the web tier), then restore v2 as v5.
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Compare the edited version with v2' }).click();
    await page.getByText(/Comparing v4 with v2/).waitFor();
    await expect(page.locator('.diff-banner').textContent()).resolves.toMatch(/0 added, 0 removed, 1 changed/);
    await screenshot(page, 'version-diff');
    await page.getByRole('button', { name: 'Back to editing' }).click();
    await page.getByRole('button', { name: 'Restore v2 as a new version' }).click();
    await page.getByText('Saved as version 5').waitFor();
    expect((await editorState(page)).components.find((c) => c.id === 'web')!.properties.replicas).toBe(1);

    await page.goto(projectUrl);
    await page.getByRole('table', { name: 'Designs' }).getByText('v5').waitFor();
    await screenshot(page, 'project');

    // Members: add a colleague by email as viewer, make them editor, then remove them.
    const colleague = await page.evaluate(async () => {
      const res = await fetch('/api/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'casey@example.com', password: 'correct horse battery', name: 'Casey Colleague' }) });
      return res.status;
    });
    expect(colleague).toBe(201);
    const members = page.getByRole('list', { name: 'Project members' });
    await page.getByLabel('Email of the person to add').fill('casey@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await members.getByText('Casey Colleague').waitFor();
    await expect(page.getByLabel('Role of Casey Colleague').inputValue()).resolves.toBe('viewer');
    await page.getByLabel('Role of Casey Colleague').selectOption('editor');
    await page.getByText('Casey Colleague is now editor').waitFor();
    await page.getByRole('button', { name: 'Remove Casey Colleague' }).click();
    await page.getByRole('dialog', { name: 'Remove Casey Colleague from the project?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await members.getByText('Casey Colleague').waitFor({ state: 'detached' });
    // An email nobody registered is explained, not just refused.
    await page.getByLabel('Email of the person to add').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Nobody has an account with this email yet. Ask them to register first.').waitFor();
  });
});
