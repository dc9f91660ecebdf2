// `npm run bench:telemetry`: ingestion through the bus into the embedded (Postgres-backed) stores,
// with the telemetry service's own Ingestion code, on PostgreSQL and on PGlite; then simulations
// completed per minute through the API for a standard design. With KAFKA_BROKERS, INFLUX_URL and
// OPENSEARCH_URL set (infra/engines/start), also the distributed path: the same batches through
// Kafka into InfluxDB and OpenSearch, and the delay from COMPLETED to telemetryComplete of a
// 3,600-s run of a 50-component design with every service its own process.
// BENCH_PARTS=embedded,distributed picks the parts (default: both when the engines are named).
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { replayDesign } from './support/fifty-components.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const kit = require('../packages/service-kit/dist/index.js');
const kafka = require('../packages/service-kit/dist/kafka.js');
const search = require('../packages/service-kit/dist/search.js');
const contracts = require('../packages/contracts/dist/index.js');
const { Ingestion } = require('../services/telemetry/dist/services/ingestion.js');
const { StoreWriter } = require('../services/telemetry/dist/services/telemetry-writer.js');
const { ThreadedWriter } = require('../services/telemetry/dist/services/threaded-writer.js');
const { TelemetryCompletion } = require('../services/telemetry/dist/services/completion.js');
const { CreateLandedBatches1765000000000 } = require('../services/telemetry/dist/migrations/landed-batches.migration.js');
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
      const spans = Array.from({ length: 6 }, (_, k) => ({ traceId, spanId: `${b}-${t}-${k}`.padEnd(16, '0'), parentSpanId: k === 0 ? null : `${b}-${t}-0`.padEnd(16, '0'), name: `s${k}`, kind: 'SERVER', componentId: `c${k}`, componentType: 'SERVICE', startMs: t, endMs: t + 5, durationMs: 5, status: { code: 'OK' }, attributes: {} }));
      traces.push({ traceId, rootComponentId: 'c0', startMs: t, durationMs: 5, status: 'OK', reason: 'sampled', spans });
    }
    out.push(contracts.encodeSpanBatch({ simulationId, batchId: `${simulationId}:s${b}`, traces }));
  }
  return out;
}

async function ingest(kind) {
  const db = await database(kind);
  const ds = await kit.openServiceDatabase({ databaseUrl: db.url, dataDir: '', schema: 'telemetry', entities: [], migrations: [kit.metricPointsMigration('telemetry'), kit.traceTablesMigration('telemetry'), CreateLandedBatches1765000000000, kit.metricChunksMigration('telemetry')] });
  const pool = ds.driver.master;
  const bus = kit.createInProcessEventBus();
  // As the service does on Postgres-backed stores: decoding and writes on the ingestion thread (BENCH_INGEST=in-process: on this thread).
  const writer = process.env.BENCH_INGEST === 'in-process'
    ? new StoreWriter(new kit.PostgresMetricStore({ pool, schema: 'telemetry' }), new kit.PostgresTraceStore({ pool, schema: 'telemetry' }))
    : new ThreadedWriter({ databaseUrl: db.url, schema: 'telemetry', poolSize: 4 });
  const ingestion = new Ingestion(bus, writer, new TelemetryCompletion(ds, bus));
  await ingestion.onApplicationBootstrap();
  const sim = '00000000-0000-4000-8000-000000000001';
  const rows = [];
  try {
    const metrics = metricBatches(sim);
    const points = BATCHES * SERIES_PER_BATCH * POINTS_PER_SERIES;
    let t = performance.now();
    await bus.publish(contracts.BUS_TOPICS.metrics, metrics.map((value) => ({ key: `${sim}-${Math.random()}`, value })));
    await waitFor(async () => Number((await ds.query('SELECT coalesce(sum(points), 0) AS n FROM telemetry.metric_chunks'))[0].n) >= points);
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

/** A store that counts what it has stored (after the write resolved), around the real one. */
function counting(store, counter) {
  return new Proxy(store, {
    get(target, name) {
      if (name === 'write') return async (points) => { await target.write(points); counter.points += points.length; };
      if (name === 'writeTraces') return async (sim, traces) => { await target.writeTraces(sim, traces); counter.spans += traces.reduce((n, t) => n + t.spans.length, 0); };
      const value = target[name];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The telemetry service's Ingestion consuming from Kafka into InfluxDB and OpenSearch. */
async function ingestDistributed() {
  const brokers = process.env.KAFKA_BROKERS.split(',');
  const database = `architech_bench_${process.pid}`;
  const indexPrefix = `architech-bench-${process.pid}`;
  const counter = { points: 0, spans: 0 };
  const metrics = new kit.InfluxV1MetricStore({ url: process.env.INFLUX_URL, database });
  await metrics.ensureDatabase();
  const traces = new search.OpenSearchTraceStore({ node: process.env.OPENSEARCH_URL, indexPrefix });
  await traces.ensureTemplates();
  // Topics of this run only, so an old backlog does not count.
  const suffix = `bench-${process.pid}`;
  const topics = { metrics: `${contracts.BUS_TOPICS.metrics}.${suffix}`, spans: `${contracts.BUS_TOPICS.spans}.${suffix}`, logs: `${contracts.BUS_TOPICS.logs}.${suffix}` };
  const consumerBus = new kafka.KafkaEventBus({ brokers, clientId: 'bench-telemetry', onHandlerError: (f) => console.error(String(f.error)) });
  const producerBus = new kafka.KafkaEventBus({ brokers, clientId: 'bench-producer' });
  const ingestion = new Ingestion(consumerBus, new StoreWriter(counting(metrics, counter), counting(traces, counter)), { landed: async () => undefined });
  const group = `bench-${process.pid}`;
  const subscriptions = [
    await consumerBus.subscribe({ topic: topics.metrics, group }, (m) => ingestion.ingestMetrics(m.value)),
    await consumerBus.subscribe({ topic: topics.spans, group }, (m) => ingestion.ingestSpans(m.value)),
  ];
  const rows = [];
  try {
    const sim = '00000000-0000-4000-8000-000000000002';
    const points = BATCHES * SERIES_PER_BATCH * POINTS_PER_SERIES;
    let t = performance.now();
    await producerBus.publish(topics.metrics, metricBatches(sim).map((value, i) => ({ key: `${sim}-${i}`, value })));
    await waitFor(async () => counter.points >= points);
    rows.push({ what: 'Kafka → InfluxDB 1.x: metric points', count: points, seconds: (performance.now() - t) / 1000 });
    const spanCount = 50 * 100 * 6;
    t = performance.now();
    await producerBus.publish(topics.spans, spanBatches(sim, 50).map((value, i) => ({ key: `${sim}-${i}`, value })));
    await waitFor(async () => counter.spans >= spanCount);
    rows.push({ what: 'Kafka → OpenSearch 2.19: spans', count: spanCount, seconds: (performance.now() - t) / 1000 });
  } finally {
    await Promise.all(subscriptions.map((s) => s.stop()));
    await consumerBus.close();
    await producerBus.close();
    await traces.close();
    await fetch(`${process.env.INFLUX_URL}/query`, { method: 'POST', body: new URLSearchParams({ q: `DROP DATABASE "${database}"` }) });
    await fetch(`${process.env.OPENSEARCH_URL}/${indexPrefix}-*`, { method: 'DELETE' });
  }
  return rows;
}

/** COMPLETED → telemetryComplete of a 3,600-s run of the 50-component design, every service its own process. */
async function completionDelay() {
  const db = await database('PostgreSQL');
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const [users, projects, designs, simulations, telemetry, gateway] = ports;
  const child = spawn(process.execPath, [join(root, 'infra/engines/start-distributed.mjs')], {
    env: { ...process.env, DATABASE_URL: db.url, USERS_PORT: String(users), PROJECTS_PORT: String(projects), DESIGNS_PORT: String(designs), SIMULATIONS_PORT: String(simulations), TELEMETRY_PORT: String(telemetry), GATEWAY_PORT: String(gateway), RATE_LIMIT_PER_MIN: '0', ELASTICSEARCH_INDEX_PREFIX: `architech-bench-e2e-${process.pid}`, INFLUX_DATABASE: `architech_bench_e2e_${process.pid}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise((resolve, reject) => { let out = ''; const on = (d) => { out += d; if (out.includes('running at')) resolve(); }; child.stdout.on('data', on); child.stderr.on('data', (d) => (out += d)); child.on('exit', () => reject(new Error(out.slice(-3000)))); });
  const url = `http://127.0.0.1:${gateway}`;
  const call = async (m, p, b, t) => (await fetch(url + p, { method: m, headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) }, body: b && JSON.stringify(b) })).json();
  try {
    await call('POST', '/api/auth/register', { email: 'd@x.co', password: 'benchmark pw', name: 'D' });
    const { accessToken } = await call('POST', '/api/auth/login', { email: 'd@x.co', password: 'benchmark pw' });
    const project = await call('POST', '/api/projects', { name: 'D' }, accessToken);
    const saved = await call('POST', `/api/projects/${project.id}/designs`, replayDesign(), accessToken);
    const { id } = await call('POST', `/api/designs/${saved.id}/simulations`, { durationSec: 3600, warmupSec: 30, seed: 7 }, accessToken);
    let sim;
    for (;;) {
      sim = await call('GET', `/api/simulations/${id}`, null, accessToken);
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(sim.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (sim.status !== 'COMPLETED') throw new Error(`the 3,600-s run ended ${sim.status}: ${sim.error}`);
    const completedAt = performance.now();
    while (!sim.telemetryComplete) {
      await new Promise((r) => setTimeout(r, 100));
      sim = await call('GET', `/api/simulations/${id}`, null, accessToken);
    }
    return { events: sim.result.events, seconds: (performance.now() - completedAt) / 1000, serverSeconds: (Date.parse(sim.telemetryCompleteAt) - Date.parse(sim.finishedAt)) / 1000 };
  } finally {
    await new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });
    await db.drop();
  }
}

const engines = Boolean(process.env.KAFKA_BROKERS && process.env.INFLUX_URL && process.env.OPENSEARCH_URL);
const parts = (process.env.BENCH_PARTS ?? (engines ? 'embedded,distributed' : 'embedded')).split(',');
if (parts.includes('embedded')) {
  const rows = [...(await ingest('PostgreSQL')), ...(await ingest('PGlite'))];
  console.log('\nTelemetry ingestion through the in-process bus into the embedded stores (the telemetry service\'s Ingestion)\n');
  printRows(rows);
  const sims = await simulationsPerMinute(8);
  console.log(`\nSimulations through the API (examples/three-tier.json, 60 simulated seconds, 1 engine thread): ${sims.count} completed in ${sims.seconds.toFixed(1)} s = ${sims.perMinute.toFixed(1)} per minute`);
}
if (parts.includes('distributed')) {
  if (!engines) throw new Error('the distributed part needs KAFKA_BROKERS, INFLUX_URL and OPENSEARCH_URL (infra/engines/start prints them)');
  console.log('\nThe distributed path: the telemetry service\'s Ingestion consuming from Kafka into InfluxDB and OpenSearch\n');
  printRows(await ingestDistributed());
  const delay = await completionDelay();
  console.log(`\n3,600-s run of the 50-component design (${delay.events.toLocaleString('en-US')} events), every service its own process: telemetryComplete ${delay.seconds.toFixed(1)} s after COMPLETED was seen (${delay.serverSeconds.toFixed(1)} s between finishedAt and telemetryCompleteAt)`);
}
process.exit(0);

function printRows(rows) {
  console.log('| what | count | seconds | per second |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.count.toLocaleString('en-US')} | ${r.seconds.toFixed(2)} | ${Math.round(r.count / r.seconds).toLocaleString('en-US')} |`);
}
