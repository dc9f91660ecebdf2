import { editorState, openPage, screenshot, worldToPage } from './support/browser';
import { newcomerSession } from './support/newcomer';

/*
 * The editor as a new user meets it (issue 12): each test pins one thing a newcomer stumbled over
 * — lost edits, invalid values stored, shortcuts that went nowhere, cramped layouts — on the real
 * product in Debian's Chromium at 1280×800 (and 1024×700 where the layout is at stake). The
 * launcher, replay and runs are in newcomer-runs.e2e.test.ts.
 */

jest.setTimeout(240_000);

describe('the editor for a newcomer', () => {
  const session = newcomerSession('web_newcomer');
  const { openExample, select, setField, property } = session;

  it('item 1: asks before an in-app navigation drops unsaved edits, and offers the local draft again', async () => {
    const { page, product, projectId } = session;
    const designId = await openExample('three-tier.json', 'Draft safety');
    // Arrive in the app's own way (project page → design), so Back stays inside the app.
    await page.goto(`${product.url}/projects/${projectId}`);
    await page.getByRole('table', { name: 'Designs' }).getByRole('link', { name: 'Draft safety' }).click();
    await page.waitForURL(new RegExp(`/designs/${designId}`));
    await page.waitForFunction(() => ((window as any).__architech?.store.getState().doc.components.length ?? 0) > 0);
    await select('web');
    await setField(/^Replicas/, '5');
    expect(await property('web', 'replicas')).toBe(5);
    await page.getByText('unsaved changes', { exact: true }).waitFor();

    // The breadcrumb: a styled question, and staying keeps everything.
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Newcomer' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
    await leave.waitFor();
    await screenshot(page, 'leave-unsaved');
    await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(page.url()).toContain(`/designs/${designId}`);
    expect(await property('web', 'replicas')).toBe(5);

    // Browser Back asks too; leaving keeps the draft.
    await page.goBack();
    await leave.waitFor();
    expect(page.url()).toContain(`/designs/${designId}`);
    await leave.getByRole('button', { name: 'Leave, keep the draft' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/designs/'));

    // Opening the version again offers the draft, with its time.
    await page.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
    const offer = page.getByRole('alert', { name: 'Unsaved changes found' });
    await offer.getByText(/^Restore unsaved changes from \d{1,2}:\d{2}/).waitFor();
    await screenshot(page, 'restore-draft');
    expect(await property('web', 'replicas')).toBe(3);
    await offer.getByRole('button', { name: 'Restore' }).click();
    expect(await property('web', 'replicas')).toBe(5);
    await page.getByText('unsaved changes', { exact: true }).waitFor();

    // Saving clears the draft: the next opening offers nothing.
    await page.keyboard.press('Control+s');
    await page.getByText('Saved as version 2').waitFor();
    await page.reload();
    await page.getByTestId('editor-canvas').waitFor();
    await page.waitForFunction(() => ((window as any).__architech?.store.getState().doc.components.length ?? 0) > 0);
    await page.waitForTimeout(300);
    expect(await page.getByRole('alert', { name: 'Unsaved changes found' }).count()).toBe(0);
  });

  it('item 4: an invalid value stays out of the design and is explained in plain words; problems name components', async () => {
    const { page } = session;
    await openExample('cache-aside.json', 'Plain words');
    const cache = (await editorState(page)).components.find((c) => c.type === 'CACHE')!;
    await select(cache.id);
    const before = await property(cache.id, 'hitRatio');
    await setField(/^Hit ratio/, '1.5');
    await page.getByText('Must be between 0 and 1').waitFor();
    expect(await property(cache.id, 'hitRatio')).toBe(before);

    const service = (await editorState(page)).components.find((c) => c.type === 'SERVICE' || c.type === 'DATABASE')!;
    await select(service.id);
    const replicas = await property(service.id, 'replicas');
    await setField(/^Replicas/, '-2');
    await page.getByText('Must be a whole number between 1 and 1000').waitFor();
    expect(await property(service.id, 'replicas')).toBe(replicas);
    await setField(/^Replicas/, '2.5');
    await page.getByText('Must be a whole number between 1 and 1000').waitFor();
    expect(await property(service.id, 'replicas')).toBe(replicas);
    await screenshot(page, 'invalid-value');
    await page.keyboard.press('Escape');

    // A cache that misses with nowhere to send the misses: the problems list says which, by name.
    const downstream = (await editorState(page)).connections.find((c) => c.source === cache.id)!;
    await page.evaluate((id) => {
      const hook = (window as any).__architech;
      hook.store.dispatch({ name: 'test-delete', perform: (state: any) => ({ ok: true, captureUndo: true, changes: { doc: { ...state.doc, connections: state.doc.connections.filter((c: any) => c.id !== id) } } }) });
    }, downstream.id);
    await page.getByRole('button', { name: '1 problem' }).click();
    const list = page.getByRole('list', { name: 'Problems in the design' });
    await expect(list.textContent()).resolves.toContain(cache.name);
    await expect(list.textContent()).resolves.not.toMatch(/components\[\d+\]/);
  });

  it('item 10: shortcuts work after a toolbar button took the focus, never while a text field has it', async () => {
    const { page } = session;
    await openExample('three-tier.json', 'Shortcuts');
    const positions = async () => (await editorState(page)).components.map((c) => c.position);
    const before = await positions();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForFunction((b) => JSON.stringify((window as any).__architech.store.getState().doc.components.map((c: any) => c.position)) !== b, JSON.stringify(before));
    await expect(page.getByRole('button', { name: 'Auto-layout' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByText('unsaved changes', { exact: true }).waitFor();
    await page.keyboard.press('Control+z');
    expect(await positions()).toEqual(before);
    // Undo back to the version as saved: nothing is unsaved any more (the history says so).
    await page.getByText('unsaved changes', { exact: true }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    expect(await positions()).not.toEqual(before);
    await page.keyboard.press('Control+z');

    // Delete with the selection made on the canvas and the focus on a toolbar button.
    await select('db');
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.keyboard.press('Delete');
    expect((await editorState(page)).components.map((c) => c.id)).not.toContain('db');
    await page.keyboard.press('Control+z');
    expect((await editorState(page)).components.map((c) => c.id)).toContain('db');

    // In a text field the keys are the field's.
    await select('web');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Web tier 2');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Delete');
    expect((await editorState(page)).components.map((c) => c.id)).toContain('web');
    await page.keyboard.press('Escape');
  });

  it('item 12: a long component name wraps on the card and shows in full on hover', async () => {
    const { page } = session;
    await openExample('three-tier.json', 'Long names');
    await select('app');
    const long = 'Payment authorisation service (EU region)';
    const name = page.getByLabel('Name', { exact: true });
    await name.fill(long);
    await name.press('Enter');
    expect((await editorState(page)).components.find((c) => c.id === 'app')!.name).toBe(long);
    const app = (await editorState(page)).components.find((c) => c.id === 'app')!;
    const at = await worldToPage(page, { x: app.position.x + 100, y: app.position.y + 30 });
    await page.mouse.move(at.x - 20, at.y - 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect(page.getByTestId('editor-canvas').getAttribute('title')).resolves.toBe(`${long} · SERVICE`);
    await screenshot(page, 'long-name');
  });

  it('item 11: connections take the nearest sides round the cards, can be bent by hand, and show their call label', async () => {
    const { page } = session;
    await openExample('microservices-resilience.json', 'Routing');
    const routes = () => page.evaluate(() => (window as any).__architech.routes() as { id: string; points: number[]; label?: string; optional?: boolean }[]);
    const state = await editorState(page);
    const box = (id: string) => {
      const c = state.components.find((x) => x.id === id)!;
      return { x: c.position.x, y: c.position.y, width: 160, height: 64 };
    };
    // No U-loops or detours: at most two bends, and no route through a card it does not join.
    for (const route of await routes()) {
      const connection = state.connections.find((c) => c.id === route.id)!;
      expect(route.points.length / 2 - 2).toBeLessThanOrEqual(2);
      for (const c of state.components) {
        if (c.id === connection.source || c.id === connection.target) continue;
        const b = box(c.id);
        for (let i = 0; i + 3 < route.points.length; i += 2) {
          const [x0, y0, x1, y1] = route.points.slice(i, i + 4) as [number, number, number, number];
          const through = (y0 === y1 && y0 > b.y && y0 < b.y + b.height && Math.max(x0, x1) > b.x && Math.min(x0, x1) < b.x + b.width) || (x0 === x1 && x0 > b.x && x0 < b.x + b.width && Math.max(y0, y1) > b.y && Math.min(y0, y1) < b.y + b.height);
          expect(through).toBe(false);
        }
      }
    }
    await page.getByRole('button', { name: 'Fit' }).click();
    await screenshot(page, 'routing-microservices');

    // Bend a connection by dragging it: a bend point appears where it was let go (on the grid), and undo takes it away.
    const target = state.connections.find((c) => c.source === 'gateway' && c.target === 'auth')!;
    const before = (await routes()).find((r) => r.id === target.id)!;
    // Grab the middle of its longest segment (away from the cards' connection handles).
    let grab = { x: 0, y: 0, length: -1 };
    for (let i = 0; i + 3 < before.points.length; i += 2) {
      const [x0, y0, x1, y1] = before.points.slice(i, i + 4) as [number, number, number, number];
      const length = Math.hypot(x1 - x0, y1 - y0);
      if (length > grab.length) grab = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, length };
    }
    const from = await worldToPage(page, grab);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const to = await worldToPage(page, { x: 420, y: 380 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    const bent = (await editorState(page)).connections.find((c) => c.id === target.id) as unknown as { waypoints?: { x: number; y: number }[] };
    expect(bent.waypoints).toEqual([{ x: 420, y: 380 }]);
    const through = (await routes()).find((r) => r.id === target.id)!;
    const passes = through.points.some((_, i) => i % 2 === 0 && i + 3 < through.points.length && (() => {
      const [x0, y0, x1, y1] = through.points.slice(i, i + 4) as [number, number, number, number];
      return (x0 === x1 && x0 === 420 && Math.min(y0, y1) <= 380 && Math.max(y0, y1) >= 380) || (y0 === y1 && y0 === 380 && Math.min(x0, x1) <= 420 && Math.max(x0, x1) >= 420);
    })());
    expect(passes).toBe(true);
    await screenshot(page, 'routing-bend');
    // Moving the bend point, then removing it with a double-click.
    const handle = await worldToPage(page, { x: 420, y: 380 });
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    const moved = await worldToPage(page, { x: 420, y: 420 });
    await page.mouse.move(moved.x, moved.y, { steps: 5 });
    await page.mouse.up();
    expect(((await editorState(page)).connections.find((c) => c.id === target.id) as any).waypoints).toEqual([{ x: 420, y: 420 }]);
    await page.mouse.dblclick(moved.x, moved.y);
    expect(((await editorState(page)).connections.find((c) => c.id === target.id) as any).waypoints).toBeUndefined();
    await page.keyboard.press('Control+z');
    expect(((await editorState(page)).connections.find((c) => c.id === target.id) as any).waypoints).toEqual([{ x: 420, y: 420 }]);

    // Call labels (from the fan-out issue's properties, read generically): stage when the source calls all, share, optional.
    await page.evaluate(
      ({ connection, source }) => {
        const { store } = (window as any).__architech;
        const update = (id: string, values: Record<string, unknown>) =>
          store.dispatch({
            name: 'test-update',
            perform: (s: any) => ({
              ok: true,
              captureUndo: true,
              changes: {
                doc: {
                  ...s.doc,
                  components: s.doc.components.map((c: any) => (c.id === id ? { ...c, properties: { ...c.properties, ...values } } : c)),
                  connections: s.doc.connections.map((c: any) => (c.id === id ? { ...c, properties: { ...c.properties, ...values } } : c)),
                },
              },
            }),
          });
        update(source, { fanOut: 'all' });
        update(connection, { stage: 2, probability: 0.3, optional: true });
      },
      { connection: target.id, source: 'gateway' },
    );
    const labelled = (await routes()).find((r) => r.id === target.id)!;
    expect(labelled.label).toBe('② · 30 % · optional');
    expect(labelled.optional).toBe(true);
    await screenshot(page, 'routing-label');
  });

  it('item 17: the smaller rough edges', async () => {
    const { page, product, projectId } = session;
    const designId = await openExample('three-tier.json', 'Rough edges');
    // Drops land on the grid, with a dashed preview while dragging.
    const box = (await page.getByTestId('editor-canvas').boundingBox())!;
    await page.getByRole('button', { name: /^Add queue:/i }).dragTo(page.getByTestId('editor-canvas'), { targetPosition: { x: box.width / 2 + 7, y: box.height - 90 } });
    const queue = (await editorState(page)).components.find((c) => c.type === 'QUEUE')!;
    expect(queue.position.x % 20).toBe(0);
    expect(queue.position.y % 20).toBe(0);
    await page.keyboard.press('Control+z');
    expect((await editorState(page)).components.some((c) => c.type === 'QUEUE')).toBe(false);
    // The "Blocking calls" checkbox is a real checkbox, not 8 px.
    await select('web');
    const blocking = page.getByLabel(/^Blocking calls/);
    const size = (await blocking.boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(14);
    await setField(/^Replicas/, '4');
    // Saving makes v2; v1's address says a newer version exists.
    await page.keyboard.press('Control+s');
    await page.getByText('Saved as version 2').waitFor();
    await page.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
    const notice = page.getByRole('status', { name: 'A newer version exists' });
    await notice.getByText(/the latest version is v2/).waitFor();
    // An error toast does not follow the user to another page.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON' }).click()]);
    await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"components": 3}') });
    await page.locator('.toast.error').waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Newcomer' }).click();
    await page.getByRole('table', { name: 'Designs' }).waitFor();
    await page.waitForTimeout(1200);
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    expect(await page.locator('.toast').count()).toBe(0);
    // A page of a project that is not yours: no pointless "Try again", no placeholder crumbs.
    await page.goto(`${product.url}/projects/${projectId}/simulations/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Breadcrumbs' }).textContent()).not.toMatch(/\bDesign\b/);
    // At 1024×700 the editor's toolbar is one line and nothing scrolls sideways.
    const { page: small, errors: smallErrors } = await openPage(product.browser, 1024, 700);
    await small.goto(`${product.url}/`);
    await small.evaluate((session) => localStorage.setItem('architech.session', session), await page.evaluate(() => localStorage.getItem('architech.session')!));
    await small.goto(`${product.url}/projects/${projectId}/designs/${designId}`);
    await small.getByTestId('editor-canvas').waitFor();
    const toolbar = (await small.getByRole('toolbar', { name: 'Editor' }).boundingBox())!;
    expect(toolbar.height).toBeLessThan(50);
    const save = (await small.getByRole('button', { name: /^Save/ }).boundingBox())!;
    expect(save.x + save.width).toBeLessThanOrEqual(1024);
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(small, 'editor-1024');
    expect(smallErrors).toEqual([]);
    await small.context().close();
  });
});
