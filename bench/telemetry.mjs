// `npm run bench:telemetry`: ingestion through the bus into the embedded (Postgres-backed) stores,
// with the telemetry service's own Ingestion code, on PostgreSQL and on PGlite; then simulations
// completed per minute through the API for a standard design.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const kit = require('../packages/service-kit/dist/index.js');
const contracts = require('../packages/contracts/dist/index.js');
const { Ingestion } = require('../services/telemetry/dist/services/ingestion.js');
const { Client } = require('pg');

const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const SERIES_PER_BATCH = 60;
const POINTS_PER_SERIES = 120;

async function database(kind) {
  if (kind === 'PGlite') {
    const dir = mkdtempSync(join(tmpdir(), 'architech-bench-pglite-'));
    const pg = await kit.startEmbeddedPostgres(dir);
    return { url: pg.url, drop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `architech_bench_tel_${process.pid}`;
  const c = new Client({ connectionString: admin });
  await c.connect(); await c.query(`DROP DATABASE IF EXISTS "${name}"`); await c.query(`CREATE DATABASE "${name}"`); await c.end();
  const url = new URL(admin); url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { const d = new Client({ connectionString: admin }); await d.connect(); await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await d.end(); } };
}

function metricBatches(simulationId) {
  const out = [];
  for (let b = 0; b < BATCHES; b++) {
    const series = [];
    for (let s = 0; s < SERIES_PER_BATCH; s++) series.push({ componentId: `c${b}-${s}`, componentType: 'SERVICE', metric: 'throughput', startSec: 0, values: Array.from({ length: POINTS_PER_SERIES }, (_, i) => i + s) });
    out.push(contracts.encodeMetricBatch({ simulationId, batchId: `${simulationId}:${b}`, bucketSec: 1, series }));
  }
  return out;
}

function spanBatches(simulationId, count) {
  const out = [];
  for (let b = 0; b < count; b++) {
    const traces = [];
    for (let t = 0; t < 100; t++) {
      const traceId = `${b.toString(16).padStart(16, '0')}${t.toString(16).padStart(16, '0')}`;
      const spans = Array.from({ length: 6 }, (_, k) => ({ traceId, spanId: `${b}-${t}-${k}`.padEnd(16, '0'), parentSpanId: k === 0 ? '' : `${b}-${t}-0`.padEnd(16, '0'), name: `s${k}`, kind: 2, componentId: `c${k}`, componentType: 'SERVICE', startMs: t, endMs: t + 5, statusCode: 1, statusMessage: '', attributes: {} }));
      traces.push({ traceId, rootComponentId: 'c0', startMs: t, durationMs: 5, status: 1, reason: 1, linkedTraceId: '', spans });
    }
    out.push(contracts.encodeSpanBatch({ simulationId, batchId: `${simulationId}:s${b}`, traces }));
  }
  return out;
}

async function ingest(kind) {
  const db = await database(kind);
  const ds = await kit.openServiceDatabase({ databaseUrl: db.url, dataDir: '', schema: 'telemetry', entities: [], migrations: [kit.metricPointsMigration('telemetry'), kit.traceTablesMigration('telemetry')] });
  const pool = ds.driver.master;
  const bus = kit.createEventBus({ kind: 'in-process' });
  const ingestion = new Ingestion(bus, new kit.PostgresMetricStore({ pool, schema: 'telemetry' }), new kit.PostgresTraceStore({ pool, schema: 'telemetry' }));
  await ingestion.onApplicationBootstrap();
  const sim = '00000000-0000-4000-8000-000000000001';
  const rows = [];
  try {
    const metrics = metricBatches(sim);
    const points = BATCHES * SERIES_PER_BATCH * POINTS_PER_SERIES;
    let t = performance.now();
    await bus.publish(contracts.BUS_TOPICS.metrics, metrics.map((value) => ({ key: `${sim}-${Math.random()}`, value })));
    await waitFor(async () => Number((await ds.query('SELECT count(*) AS n FROM telemetry.metric_points'))[0].n) >= points);
    rows.push({ what: `${kind}: metric points`, count: points, seconds: (performance.now() - t) / 1000 });
    const spans = spanBatches(sim, 50);
    t = performance.now();
    await bus.publish(contracts.BUS_TOPICS.spans, spans.map((value, i) => ({ key: `${sim}-${i}`, value })));
    await waitFor(async () => Number((await ds.query('SELECT count(*) AS n FROM telemetry.spans'))[0].n) >= 50 * 100 * 6);
    rows.push({ what: `${kind}: spans`, count: 50 * 100 * 6, seconds: (performance.now() - t) / 1000 });
  } finally {
    await ingestion.onApplicationShutdown();
    await bus.close();
    await ds.destroy();
    await db.drop();
  }
  return rows;
}

async function waitFor(check) {
  for (;;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

async function simulationsPerMinute(count) {
  const db = await database('PostgreSQL');
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'infra/launcher/dist/main.js')], { env: { ...process.env, DATABASE_URL: db.url, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', RATE_LIMIT_PER_MIN: '0', SIM_MAX_ACTIVE_PER_USER: String(count) }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => { let out = ''; child.stdout.on('data', (d) => { out += d; if (out.includes('running at')) resolve(); }); child.on('exit', () => reject(new Error(out))); });
  const url = `http://127.0.0.1:${port}`;
  const call = async (m, p, b, t) => (await fetch(url + p, { method: m, headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) }, body: b && JSON.stringify(b) })).json();
  try {
    await call('POST', '/api/auth/register', { email: 'b@x.co', password: 'benchmark pw', name: 'B' });
    const { accessToken } = await call('POST', '/api/auth/login', { email: 'b@x.co', password: 'benchmark pw' });
    const project = await call('POST', '/api/projects', { name: 'B' }, accessToken);
    const design = JSON.parse(readFileSync(join(root, 'examples/three-tier.json'), 'utf8'));
    const saved = await call('POST', `/api/projects/${project.id}/designs`, { name: 'T', components: design.components, connections: design.connections }, accessToken);
    const t = performance.now();
    const ids = [];
    for (let i = 0; i < count; i++) ids.push((await call('POST', `/api/designs/${saved.id}/simulations`, { durationSec: 60, seed: i + 1 }, accessToken)).id);
    for (const id of ids) await waitFor(async () => ['COMPLETED', 'FAILED', 'CANCELLED'].includes((await call('GET', `/api/simulations/${id}`, null, accessToken)).status));
    const minutes = (performance.now() - t) / 60000;
    return { count, perMinute: count / minutes, seconds: minutes * 60 };
  } finally {
    await new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });
    await db.drop();
  }
}

const rows = [...(await ingest('PostgreSQL')), ...(await ingest('PGlite'))];
console.log('\nTelemetry ingestion through the in-process bus into the embedded stores (the telemetry service\'s Ingestion)\n');
console.log('| what | count | seconds | per second |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.count.toLocaleString('en-US')} | ${r.seconds.toFixed(2)} | ${Math.round(r.count / r.seconds).toLocaleString('en-US')} |`);
const sims = await simulationsPerMinute(8);
console.log(`\nSimulations through the API (examples/three-tier.json, 60 simulated seconds, 1 engine thread): ${sims.count} completed in ${sims.seconds.toFixed(1)} s = ${sims.perMinute.toFixed(1)} per minute`);
process.exit(0);
