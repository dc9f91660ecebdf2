import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine without a network (background fetches fail loudly otherwise). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Starts headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A page at 1280×800 (the smallest size the app supports) that fails the test on uncaught page errors. */
export async function openPage(browser: Browser, width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * Where test runs put their screenshots: web/test/.screenshots (ignored by git), or the folder in
 * SCREENSHOTS_DIR — `npm run screenshots` points it at docs/screenshots to refresh the README's images.
 */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ? join(process.cwd(), process.env.SCREENSHOTS_DIR) : join(__dirname, '..', '.screenshots');

/** Saves a screenshot of the page as <name>.png in the screenshot folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The editor state the canvas exposes for tests and benchmarks (`window.__architech`). */
export interface PageEditorState {
  components: { id: string; type: string; name: string; position: { x: number; y: number }; properties: Record<string, unknown> }[];
  connections: { id: string; source: string; target: string }[];
  selection: string[];
  viewport: { x: number; y: number; zoom: number };
}

/** Reads the open editor's document, selection and viewport. */
export function editorState(page: Page): Promise<PageEditorState> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __architech?: { store: { getState(): { doc: PageEditorState; selection: Set<string>; viewport: PageEditorState['viewport'] } } } }).__architech;
    if (!hook) throw new Error('the editor canvas is not mounted');
    const s = hook.store.getState();
    return JSON.parse(JSON.stringify({ components: s.doc.components, connections: s.doc.connections, selection: [...s.selection], viewport: s.viewport }));
  });
}

/** Where a world point of the canvas is on the page, in CSS px. */
export async function worldToPage(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('editor-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  const { viewport } = await editorState(page);
  return { x: box.x + viewport.x + point.x * viewport.zoom, y: box.y + viewport.y + point.y * viewport.zoom };
}
