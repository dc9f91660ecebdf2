// What the browser benchmarks share: the launcher as a child process, JSON calls to its API, and
// Debian's Chromium started with the flags this machine needs (no background networking).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Flags of a headless Chromium on a machine without a network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Debian's /usr/bin/chromium (CHROMIUM_PATH overrides); never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A free loopback port. */
export const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

/**
 * The web app the benchmarks serve: the test-hooks build (`window.__architech*`, which they drive),
 * written by `npm run build` beside the production bundle; WEB_DIR=<dir> serves another build.
 */
export const WEB_DIR = process.env.WEB_DIR ?? join(root, 'web', 'dist-test-hooks');

/** `npm start`'s launcher as a child process, serving {@link WEB_DIR}; resolves with the function that stops it. */
export function startLauncher(env) {
  const child = spawn(process.execPath, [join(root, 'infra/launcher/dist/main.js')], { env: { ...process.env, RATE_LIMIT_PER_MIN: '0', BCRYPT_COST: '4', WEB_DIR, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { out += d; if (/running at/.test(out)) resolve(() => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); })); });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => reject(new Error(`launcher exited ${code}: ${out}`)));
  });
}

/** One JSON call to the API; throws with the answer on anything but 2xx. */
export async function call(url, method, path, body, token) {
  const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A bench account with one design: registers a user, signs in, creates the project `projectName`
 * and saves `design` in it. `session` is what the web app keeps in localStorage ('architech.session')
 * for that sign-in, for a page to open signed in.
 */
export async function accountWithDesign(url, projectName, design) {
  const email = `bench-${Date.now()}@example.com`;
  await call(url, 'POST', '/api/auth/register', { email, password: 'benchmark password', name: 'Bench' });
  const login = await call(url, 'POST', '/api/auth/login', { email, password: 'benchmark password' });
  const token = login.accessToken;
  const project = await call(url, 'POST', '/api/projects', { name: projectName }, token);
  const saved = await call(url, 'POST', `/api/projects/${project.id}/designs`, design, token);
  const session = { accessToken: token, user: login.user, expiresAt: Date.now() + login.expiresInSec * 1000, refreshToken: login.refreshToken, refreshExpiresAt: Date.now() + login.refreshExpiresInSec * 1000 };
  return { token, project, design: saved, session };
}
