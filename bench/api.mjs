// `npm run bench:api`: save and read a 200-component design through the gateway at a fixed rate.
// Runs the embedded topology as a child process, against PostgreSQL at DATABASE_URL when set
// (else the local server at 127.0.0.1:5432 when reachable) and on embedded PGlite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { openLoop } from './support/open-loop.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { Client } = require('pg');
// BENCH_ROOT measures the build of another checkout (a baseline) with this benchmark.
const root = process.env.BENCH_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

/** The product's main event-loop delay is measured by a preloaded probe (bench/support/loop-delay.cjs). */
const LOOP_PROBE = fileURLToPath(new URL('./support/loop-delay.cjs', import.meta.url));

function startNode(script, env, ready) {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each product process's main thread there.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--require', LOOP_PROBE, join(root, script)], { env: { ...process.env, RATE_LIMIT_PER_MIN: '0', BCRYPT_COST: '10', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let onLoop;
  child.stdout.on('data', (d) => {
    const m = /LOOP-DELAY (\{.*\})/.exec(String(d));
    if (m && onLoop) onLoop(JSON.parse(m[1]));
  });
  /** The event-loop delay (ms: p50, p99, max) since the previous call. */
  const loopDelay = () => new Promise((resolve) => { onLoop = resolve; child.kill('SIGUSR2'); });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { out += d; if (ready.test(out)) resolve(Object.assign(() => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }), { loopDelay })); });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

/** `embedded`: every service in one process (npm start); `distributed`: one process per service. */
async function startTopology(mode, env) {
  const gateway = await freePort();
  if (mode === 'embedded') {
    const stop = await startNode('infra/launcher/dist/main.js', { ...env, GATEWAY_PORT: String(gateway), GATEWAY_HOST: '127.0.0.1' }, /running at/);
    return { url: `http://127.0.0.1:${gateway}`, stop, loopDelay: stop.loopDelay };
  }
  const [users, projects, designs] = await Promise.all([freePort(), freePort(), freePort()]);
  const all = { ...env, USERS_PORT: String(users), PROJECTS_PORT: String(projects), DESIGNS_PORT: String(designs), GATEWAY_PORT: String(gateway), GATEWAY_HOST: '127.0.0.1',
    USERS_URL: `http://127.0.0.1:${users}`, PROJECTS_URL: `http://127.0.0.1:${projects}`, DESIGNS_URL: `http://127.0.0.1:${designs}` };
  const stops = await Promise.all(['users', 'projects', 'designs', 'gateway'].map((s) => startNode(`services/${s}/dist/main.js`, all, /listening on/)));
  return { url: `http://127.0.0.1:${gateway}`, stop: () => Promise.all(stops.map((stop) => stop())) };
}

function design200() {
  const components = [{ id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } }, position: { x: 0, y: 0 } },
    { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy: 'round_robin' }, position: { x: 100, y: 0 } }];
  const connections = [{ id: 'c-users-lb', source: 'users', target: 'lb' }];
  for (let i = 0; i < 198; i++) {
    const id = `svc-${i}`;
    components.push({ id, type: i % 3 === 0 ? 'DATABASE' : 'SERVICE', name: `Service ${i}`, properties: { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 5 }, timeoutMs: 500, retry: { maxAttempts: 3 } }, position: { x: 200 + (i % 20) * 120, y: Math.floor(i / 20) * 90 } });
    connections.push({ id: `c-${i}`, source: i < 20 ? 'lb' : `svc-${i - 20}`, target: id, properties: { latency: { dist: 'constant', value: 1 } } });
  }
  return { name: 'Bench 200', components, connections };
}

async function call(url, method, path, body, token) {
  const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// BENCH_GENERATOR=autocannon (16 connections, `overallRate`) instead of the open-loop generator:
// autocannon sends each second's quota as a burst, see bench/support/open-loop.mjs.
const GENERATOR = process.env.BENCH_GENERATOR === 'autocannon' ? 'autocannon' : 'open-loop';

function run(url, token, requests, title, seconds = SECONDS) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (GENERATOR === 'open-loop') {
    return openLoop({ url, rate: RATE, seconds, requests, headers }).then((r) => ({ title, rps: r.rps, p50: r.p50, p90: r.p90, p99: r.p99, max: r.max, ok: r.ok, errors: r.errors }));
  }
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 16, overallRate: RATE, duration: seconds, headers, requests }, (err, result) => {
      if (err) return reject(err);
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, ok: result['2xx'], errors: result.non2xx + result.errors + result.timeouts });
    });
  });
}

async function scenario(label, mode, env) {
  const topology = await startTopology(mode, env);
  try {
    const email = `bench-${Date.now()}@example.com`;
    await call(topology.url, 'POST', '/api/auth/register', { email, password: 'benchmark password', name: 'Bench' });
    const { accessToken } = await call(topology.url, 'POST', '/api/auth/login', { email, password: 'benchmark password' });
    const project = await call(topology.url, 'POST', '/api/projects', { name: 'Bench' }, accessToken);
    const design = design200();
    const saved = await call(topology.url, 'POST', `/api/projects/${project.id}/designs`, design, accessToken);
    const body = JSON.stringify(design);
    const read = { method: 'GET', path: `/api/designs/${saved.id}` };
    const save = { method: 'POST', path: `/api/projects/${project.id}/designs`, body };
    const rows = [];
    // Warm-up (not reported): JIT compilation and connection pools settle first.
    await run(topology.url, accessToken, [read, save], 'warm-up', 5);
    // The main thread's loop delay and busy share and the process's CPU time per row (embedded only).
    const measured = async (requests, title) => {
      await topology.loopDelay?.();
      const row = await run(topology.url, accessToken, requests, title);
      if (topology.loopDelay) row.loop = await topology.loopDelay();
      return row;
    };
    // BENCH_ROWS=read,save,mixed (the default: all three; also `projects`, GET /api/projects) picks the rows.
    const wanted = (process.env.BENCH_ROWS ?? 'read,save,mixed').split(',');
    if (wanted.includes('projects')) rows.push(await measured([{ method: 'GET', path: '/api/projects' }], `${label}: list (GET /api/projects)`));
    if (wanted.includes('read')) rows.push(await measured([read], `${label}: read (GET /api/designs/:id)`));
    if (wanted.includes('save')) rows.push(await measured([save], `${label}: save (POST a new 200-component design)`));
    if (wanted.includes('mixed')) rows.push(await measured([read, save], `${label}: mixed 50% read / 50% save`));
    return rows;
  } finally {
    await topology.stop();
  }
}

/** A 50-component design: clients → load balancer → 47 services in layers → a database. */
function design50() {
  const components = [{ id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 200 } }, position: { x: 0, y: 0 } },
    { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy: 'round_robin' }, position: { x: 100, y: 0 } },
    { id: 'db', type: 'DATABASE', properties: { replicas: 2, workers: 16, serviceTime: { dist: 'exponential', mean: 2 } }, position: { x: 900, y: 0 } }];
  const connections = [{ id: 'c-users-lb', source: 'users', target: 'lb' }];
  for (let i = 0; i < 47; i++) {
    const id = `svc-${i}`;
    components.push({ id, type: 'SERVICE', properties: { replicas: 2, workers: 8, serviceTime: { dist: 'exponential', mean: 3 } }, position: { x: 200 + (i % 8) * 90, y: Math.floor(i / 8) * 80 } });
    connections.push({ id: `c-${i}`, source: i < 8 ? 'lb' : `svc-${i - 8}`, target: id });
    if (i >= 39) connections.push({ id: `c-${i}-db`, source: id, target: 'db' });
  }
  return { name: 'Bench 50', components, connections };
}

/**
 * Interactive reads (`GET /api/projects`) idle, then while a 3,600-s run of a 50-component design
 * writes its telemetry: what a user clicking around sees while a simulation runs.
 */
async function duringRun(label, env) {
  const topology = await startTopology('embedded', env);
  try {
    const email = `bench-run-${Date.now()}@example.com`;
    await call(topology.url, 'POST', '/api/auth/register', { email, password: 'benchmark password', name: 'Bench' });
    const { accessToken } = await call(topology.url, 'POST', '/api/auth/login', { email, password: 'benchmark password' });
    const project = await call(topology.url, 'POST', '/api/projects', { name: 'Bench' }, accessToken);
    const design = await call(topology.url, 'POST', `/api/projects/${project.id}/designs`, design50(), accessToken);
    const read = { method: 'GET', path: '/api/projects' };
    await run(topology.url, accessToken, [read], 'warm-up', 3);
    await topology.loopDelay();
    const idle = await run(topology.url, accessToken, [read], `${label}: GET /api/projects, idle`);
    idle.loop = await topology.loopDelay();
    const sim = await call(topology.url, 'POST', `/api/designs/${design.id}/simulations`, { durationSec: 3600, tracing: { sampleRate: 0.05, maxTraces: 1000, slowest: 20, maxLogs: 10000 } }, accessToken);
    for (let i = 0; i < 100; i++) {
      const s = await call(topology.url, 'GET', `/api/simulations/${sim.id}`, undefined, accessToken);
      if (s.status !== 'PENDING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await topology.loopDelay();
    const busy = await run(topology.url, accessToken, [read], `${label}: GET /api/projects, during a 3,600-s 50-component run`);
    busy.loop = await topology.loopDelay();
    const after = await call(topology.url, 'GET', `/api/simulations/${sim.id}`, undefined, accessToken);
    busy.title += ` (run ${after.status}, ${Math.round(after.progress * 100)} % after the window)`;
    await fetch(`${topology.url}/api/simulations/${sim.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${accessToken}` } });
    return [idle, busy];
  } finally {
    await topology.stop();
  }
}

async function postgresUrl() {
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `architech_bench_${process.pid}`;
  const c = new Client({ connectionString: admin });
  try { await c.connect(); } catch { return undefined; }
  await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const url = new URL(admin); url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { const d = new Client({ connectionString: admin }); await d.connect(); await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await d.end(); } };
}

// BENCH_ONLY=during-run measures only the interactive-reads-during-a-run scenario; BENCH_ONLY=crud
// only the read/save scenarios (BENCH_DB=postgres or pglite narrows to one database).
const only = process.env.BENCH_ONLY;
const db = process.env.BENCH_DB;
const rows = [];
const pg = db === 'pglite' ? undefined : await postgresUrl();
if (pg) {
  try {
    if (only !== 'during-run') {
      rows.push(...await scenario('PostgreSQL, one process', 'embedded', { DATABASE_URL: pg.url }));
      if (process.env.BENCH_TOPOLOGY !== 'embedded') rows.push(...await scenario('PostgreSQL, process per service', 'distributed', { DATABASE_URL: pg.url }));
    }
    if (only !== 'crud') rows.push(...await duringRun('PostgreSQL, one process', { DATABASE_URL: pg.url }));
  } finally { await pg.drop(); }
}
const dataDir = mkdtempSync(join(tmpdir(), 'architech-bench-'));
try {
  if (db !== 'postgres') {
    if (only !== 'during-run') rows.push(...await scenario('PGlite, one process', 'embedded', { DATABASE_URL: '', DATA_DIR: dataDir }));
    if (only !== 'crud') rows.push(...await duringRun('PGlite, one process', { DATABASE_URL: '', DATA_DIR: join(dataDir, 'during-run') }));
  }
} finally { rmSync(dataDir, { recursive: true, force: true }); }

console.log(`\nAPI benchmark: ${RATE} requests/s offered for ${SECONDS} s per row, through the gateway; ${GENERATOR === 'open-loop' ? 'open loop (evenly spaced sends, latency from each request\'s due time, up to 64 connections)' : 'autocannon, 16 connections (each second\'s quota sent as a burst)'}\n`);
console.log('| scenario | achieved req/s | p50 ms | p90 ms | p99 ms | max ms | 2xx | errors | event-loop delay p99 / max ms | loop busy | CPU ms per request |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
// The product process's CPU time (all threads, user + system) per answered request: the figure a
// noisy machine disturbs least.
const perRequest = (r) => (r.loop && r.ok > 0 ? (r.loop.cpuMs / r.ok).toFixed(2) : '—');
for (const r of rows) console.log(`| ${r.title} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.ok} | ${r.errors} | ${r.loop ? `${r.loop.p99} / ${r.loop.max} | ${Math.round(r.loop.elu * 100)} %` : '— | —'} | ${perRequest(r)} |`);
