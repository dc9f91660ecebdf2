import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorState, worldToPage } from './browser';
import { callApi, registerThroughUi, startProduct, type RunningProduct } from './product';

/** A design of examples/, as JSON. */
export const example = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', name), 'utf8'));

/** What the newcomer tests share: the product, its page, the signed-in user's project and the editor helpers. */
export interface NewcomerSession {
  readonly product: RunningProduct;
  readonly page: Page;
  /** The project "Newcomer" the tests work in. */
  readonly projectId: string;
  /** Calls the API from the page with the signed-in user's token. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Saves `file` from examples/ as a new design and opens it in the editor; resolves with its id. */
  openExample(file: string, name?: string): Promise<string>;
  /** Clicks component `id` on the canvas and waits until it is selected. */
  select(id: string): Promise<void>;
  /** Types `value` into the properties field labelled `label` and presses Enter. */
  setField(label: RegExp, value: string): Promise<void>;
  /** A property of a component as the editor holds it. */
  property(id: string, key: string): Promise<unknown>;
}

/**
 * Starts the product for a newcomer suite (issue 12) on its own database named after `suite`, signs
 * Nora Newcomer up through the register page and creates her project; stops it all after the
 * suite, and fails a test that left an uncaught page error. Call at the top of a `describe`.
 */
export function newcomerSession(suite: string): NewcomerSession {
  let product: RunningProduct | undefined;
  let projectId: string | undefined;
  const running = () => {
    if (!product) throw new Error('the product is not started (call newcomerSession inside describe)');
    return product;
  };

  beforeAll(async () => {
    product = await startProduct(suite);
    await registerThroughUi(product.page, product.url, 'Nora Newcomer', 'nora@example.com');
    projectId = (await session.api('POST', '/api/projects', { name: 'Newcomer' })).body.id;
  });
  afterAll(() => product?.stop());
  afterEach(() => expect(product?.errors).toEqual([]));

  const session: NewcomerSession = {
    get product() {
      return running();
    },
    get page() {
      return running().page;
    },
    get projectId() {
      if (projectId === undefined) throw new Error('the project is not created yet');
      return projectId;
    },
    api: (method, path, body) => callApi(running().page, method, path, body),
    async openExample(file, name) {
      const design = example(file);
      const saved = (await session.api('POST', `/api/projects/${session.projectId}/designs`, { name: name ?? design.name, components: design.components, connections: design.connections })).body;
      await session.page.goto(`${running().url}/projects/${session.projectId}/designs/${saved.id}`);
      await session.page.getByTestId('editor-canvas').waitFor();
      await session.page.waitForFunction(() => ((window as any).__architech?.store.getState().doc.components.length ?? 0) > 0);
      return saved.id;
    },
    async select(id) {
      const { page } = session;
      const component = (await editorState(page)).components.find((c) => c.id === id)!;
      const at = await worldToPage(page, { x: component.position.x + 40, y: component.position.y + 20 });
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction((want) => (window as any).__architech.store.getState().selection.has(want), id);
    },
    async setField(label, value) {
      const field = session.page.getByLabel(label);
      await field.fill(value);
      await field.press('Enter');
    },
    property: async (id, key) => (await editorState(session.page)).components.find((c) => c.id === id)!.properties[key],
  };
  return session;
}
