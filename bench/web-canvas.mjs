/* global window, requestAnimationFrame -- the functions passed to page.evaluate run in the browser. */
// `npm run bench:web`: the canvas editor in headless Chromium (Debian's /usr/bin/chromium) with a
// design of 500 components and 800 connections: frames per second while dragging a selection of
// 50 components, and while wheel-zooming at the cursor. Target ≥ 50 fps. Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { call, freePort, launchChromium, startLauncher, WEB_DIR } from './support/web-bench.mjs';

const WIDTH = Number(process.env.BENCH_WIDTH ?? 1920);
const HEIGHT = Number(process.env.BENCH_HEIGHT ?? 1080);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);


/** 10 layers of 50 components (clients, then services, databases last), 800 connections between consecutive layers. */
export function bigDesign() {
  const layers = 10, perLayer = 50;
  const components = [], connections = [];
  for (let l = 0; l < layers; l++) for (let i = 0; i < perLayer; i++) {
    const type = l === 0 ? 'CLIENT' : l === layers - 1 ? 'DATABASE' : 'SERVICE';
    const properties = type === 'CLIENT' ? { arrival: { process: 'poisson', ratePerSec: 10 } } : { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 5 } };
    components.push({ id: `n${l}-${i}`, type, name: `${type.toLowerCase()} ${l}.${i}`, properties, position: { x: l * 260, y: i * 100 } });
  }
  // Every component but the last layer gets one downstream; the rest of the 800 are spread evenly.
  for (let l = 0; l < layers - 1; l++) for (let i = 0; i < perLayer; i++) connections.push({ id: `e${l}-${i}`, source: `n${l}-${i}`, target: `n${l + 1}-${i}` });
  for (let k = 0; connections.length < 800; k++) {
    const l = k % (layers - 1), i = Math.floor(k / (layers - 1)) % perLayer;
    connections.push({ id: `x${k}`, source: `n${l}-${i}`, target: `n${l + 1}-${(i + 7) % perLayer}` });
  }
  return { name: 'Bench 500 × 800', components, connections };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** The JavaScript a first visit to /login downloads: raw, gzip -9 of each file, and as the server sent it. */
async function loginPageWeight(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const encodings = new Set();
  page.on('response', (r) => { if (r.url().endsWith('.js')) encodings.add(r.headers()['content-encoding'] ?? 'identity'); });
  await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => ({ path: new URL(e.name).pathname, transfer: e.encodedBodySize })));
  await context.close();
  const dist = pathToFileURL(WEB_DIR);
  let rawBytes = 0, gzipBytes = 0, transferBytes = 0;
  for (const e of entries) {
    const body = readFileSync(new URL(`.${e.path}`, `${dist.href}/`));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
    transferBytes += e.transfer;
  }
  const scripts = entries.map((e) => e.path.split('/').pop());
  return { scripts, rawBytes, gzipBytes, transferBytes, encoding: [...encodings].join('/'), editorLoaded: scripts.some((s) => s.startsWith('editor-page')) };
}

/** Counts animation frames in the page for `ms` while `drive` pumps input; returns fps and frame-time percentiles. */
async function measure(page, label, drive) {
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__measuring = true;
    const tick = (t) => { w.__frames.push(t); if (w.__measuring) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  let steps = 0;
  while (Date.now() - started < SECONDS * 1000) { await drive(steps++); }
  const frames = await page.evaluate(() => { window.__measuring = false; return window.__frames; });
  const deltas = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const pct = (p) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))];
  return { label, fps: +((frames.length - 1) / seconds).toFixed(1), frameP50Ms: +pct(0.5).toFixed(1), frameP95Ms: +pct(0.95).toFixed(1), frameMaxMs: +deltas[deltas.length - 1].toFixed(1), inputEvents: steps };
}

const dataDir = mkdtempSync(join(tmpdir(), 'architech-bench-web-'));
const port = await freePort();
const stop = await startLauncher({ DATABASE_URL: '', DATA_DIR: dataDir, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1' });
const url = `http://127.0.0.1:${port}`;
const browser = await launchChromium();
try {
  const firstLoad = await loginPageWeight(browser, url);
  const email = `bench-${Date.now()}@example.com`;
  await call(url, 'POST', '/api/auth/register', { email, password: 'benchmark password', name: 'Bench' });
  const login = await call(url, 'POST', '/api/auth/login', { email, password: 'benchmark password' });
  const project = await call(url, 'POST', '/api/projects', { name: 'Bench' }, login.accessToken);
  const design = await call(url, 'POST', `/api/projects/${project.id}/designs`, bigDesign(), login.accessToken);

  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  const session = { accessToken: login.accessToken, user: login.user, expiresAt: Date.now() + login.expiresInSec * 1000, refreshToken: login.refreshToken, refreshExpiresAt: Date.now() + login.refreshExpiresInSec * 1000 };
  await page.addInitScript((s) => localStorage.setItem('architech.session', s), JSON.stringify(session));
  const openedAt = Date.now();
  await page.goto(`${url}/projects/${project.id}/designs/${design.id}`);
  await page.waitForFunction(() => window.__architech?.store.getState().doc.components.length === 500);
  const openMs = Date.now() - openedAt;
  // Preview off: this measures the canvas, not the engine's worker.
  await page.getByLabel('Instant preview').uncheck();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);

  const box = await page.getByTestId('editor-canvas').boundingBox();
  const ids = Array.from({ length: 50 }, (_, i) => `n4-${i}`);
  await page.evaluate((sel) => {
    const store = window.__architech.store;
    store.dispatch({ name: 'bench-select', perform: () => ({ ok: true, changes: { selection: new Set(sel) }, captureUndo: false }) });
  }, ids);
  const anchor = await page.evaluate(() => {
    const s = window.__architech.store.getState();
    const c = s.doc.components.find((x) => x.id === 'n4-0');
    return { x: s.viewport.x + (c.position.x + 80) * s.viewport.zoom, y: s.viewport.y + (c.position.y + 32) * s.viewport.zoom };
  });
  const start = { x: box.x + anchor.x, y: box.y + anchor.y };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const drag = await measure(page, 'drag 50 of 500 components', (i) => page.mouse.move(start.x + 150 * Math.sin(i / 20), start.y + 100 * Math.cos(i / 25)));
  await page.mouse.up();
  const moved = await page.evaluate(() => window.__architech.store.getState().doc.components.find((x) => x.id === 'n4-0').position);

  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  const zoom = await measure(page, 'wheel zoom at the cursor', (i) => page.mouse.wheel(0, Math.floor(i / 15) % 2 === 0 ? -60 : 60));
  const zoomNow = await page.evaluate(() => window.__architech.store.getState().viewport.zoom);

  console.log(`\nFirst load of the login page (fresh browser context): ${firstLoad.scripts.length} scripts, ${kB(firstLoad.rawBytes)} of JavaScript, ${kB(firstLoad.gzipBytes)} gzip (target < 300 kB gzip), ${kB(firstLoad.transferBytes)} as transferred (${firstLoad.encoding})`);
  console.log(`  scripts: ${firstLoad.scripts.join(', ')}; editor code loaded: ${firstLoad.editorLoaded ? 'YES' : 'no (on demand)'}`);
  console.log(`\nCanvas: 500 components, 800 connections, ${WIDTH}×${HEIGHT}, headless Chromium (software rendering, --disable-gpu), ${SECONDS} s each`);
  console.log(`opened the editor in ${openMs} ms (navigation to 500 components on the canvas)`);
  console.table([drag, zoom]);
  console.log(`(the drag moved n4-0 to ${JSON.stringify(moved)}; zoom ended at ${zoomNow.toFixed(2)}×) — target ≥ 50 fps`);
} finally {
  await browser.close();
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}
