#!/usr/bin/env node
// `npm run start:distributed`: the distributed topology without Docker. Every service in its own
// process (node services/<name>/dist/main.js) on PostgreSQL (DATABASE_URL, required: embedded
// PGlite serves one process only), Kafka, InfluxDB and OpenSearch (or Elasticsearch). Engines
// named by the environment are used as they are; a missing one is started with infra/engines/start
// (Kafka KRaft, OpenSearch and InfluxDB on loopback; stop them with infra/engines/stop).
//
//   DATABASE_URL=postgres://… npm run start:distributed
//   open http://localhost:8080
//
// Variables: docs/configuration.md ("Distributed topology"). Ctrl-C stops every service.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env };

function fail(message) {
  process.stderr.write(`start:distributed: ${message}\n`);
  process.exit(2);
}

if (!env.DATABASE_URL) fail('set DATABASE_URL to a PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/architech): every service process needs the same one');
for (const name of ['users', 'projects', 'designs', 'simulations', 'telemetry', 'gateway']) {
  if (!existsSync(join(ROOT, 'services', name, 'dist', 'main.js'))) fail(`services/${name} is not built: run npm run build first`);
}

/** Starts the engines whose variables are unset with infra/engines/start and takes the variables it prints. */
function ensureEngines() {
  const missing = [];
  if (!env.KAFKA_BROKERS) missing.push('kafka');
  if (!env.INFLUX_URL) missing.push('influxdb');
  if (!env.OPENSEARCH_URL && !env.ELASTICSEARCH_URL) missing.push('opensearch');
  if (missing.length === 0) return;
  process.stdout.write(`start:distributed: starting ${missing.join(', ')} with infra/engines/start\n`);
  const output = execFileSync(join(ROOT, 'infra', 'engines', 'start'), missing, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of output.split('\n')) {
    const match = /^(KAFKA_BROKERS|INFLUX_URL|OPENSEARCH_URL)=(\S+)/.exec(line);
    if (match) env[match[1]] = match[2];
  }
}

ensureEngines();
const development = env.NODE_ENV !== 'production';
const ports = { users: Number(env.USERS_PORT ?? 3001), projects: Number(env.PROJECTS_PORT ?? 3002), designs: Number(env.DESIGNS_PORT ?? 3003), simulations: Number(env.SIMULATIONS_PORT ?? 3004), telemetry: Number(env.TELEMETRY_PORT ?? 3005) };
const shared = {
  ...env,
  JWT_SECRET: env.JWT_SECRET ?? (development ? 'development-secret-change-me' : undefined),
  INTERNAL_TOKEN: env.INTERNAL_TOKEN ?? (development ? 'development-internal-token' : undefined),
  BUS: 'kafka',
  USERS_URL: `http://127.0.0.1:${ports.users}`,
  PROJECTS_URL: `http://127.0.0.1:${ports.projects}`,
  DESIGNS_URL: `http://127.0.0.1:${ports.designs}`,
  SIMULATIONS_URL: `http://127.0.0.1:${ports.simulations}`,
  TELEMETRY_URL: `http://127.0.0.1:${ports.telemetry}`,
};
const search = env.TRACE_STORE ?? (env.OPENSEARCH_URL ? 'opensearch' : 'elasticsearch');
const webDir = join(ROOT, 'web', 'dist');
const services = [
  ['users', { USERS_PORT: String(ports.users) }],
  ['projects', { PROJECTS_PORT: String(ports.projects) }],
  ['designs', { DESIGNS_PORT: String(ports.designs) }],
  ['telemetry', { TELEMETRY_PORT: String(ports.telemetry), METRIC_STORE: 'influxdb', TRACE_STORE: search }],
  ['simulations', { SIMULATIONS_PORT: String(ports.simulations) }],
  ['gateway', { GATEWAY_PORT: env.GATEWAY_PORT ?? '8080', ...(env.WEB_DIR === undefined && existsSync(join(webDir, 'index.html')) ? { WEB_DIR: webDir } : {}) }],
];

const children = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const exit = () => children.size === 0 && process.exit(code);
  for (const child of children.values()) child.once('exit', exit);
  exit();
  setTimeout(() => process.exit(code), 15_000).unref();
}

function prefixed(name, stream, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop();
    for (const line of lines) out.write(`${name.padEnd(11)} | ${line}\n`);
  });
}

/** Starts one service and resolves once it listens. */
function start(name, extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'services', name, 'dist', 'main.js')], { env: { ...shared, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(name, child);
    prefixed(name, child.stdout, process.stdout);
    prefixed(name, child.stderr, process.stderr);
    child.stdout.on('data', (chunk) => chunk.toString().includes('listening on') && resolve());
    child.once('exit', (code, signal) => {
      children.delete(name);
      if (!stopping) {
        process.stderr.write(`start:distributed: ${name} exited (${signal ?? code}); stopping the others\n`);
        reject(new Error(`${name} exited`));
        stopAll(1);
      }
    });
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Telemetry and simulations after the services they call; each waits for the previous group.
for (const group of [services.slice(0, 3), services.slice(3, 5), services.slice(5)]) {
  await Promise.all(group.map(([name, extra]) => start(name, extra))).catch(() => undefined);
  if (stopping) break;
}
if (!stopping) {
  process.stdout.write(
    `\nArchitech (distributed) running at http://localhost:${env.GATEWAY_PORT ?? '8080'} — Kafka ${env.KAFKA_BROKERS}, InfluxDB ${env.INFLUX_URL}, ${search === 'opensearch' ? `OpenSearch ${env.OPENSEARCH_URL}` : `Elasticsearch ${env.ELASTICSEARCH_URL}`}\n`,
  );
}
