import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** The engines `infra/engines/start` runs (Kafka, OpenSearch, InfluxDB). */
export type Engine = 'kafka' | 'opensearch' | 'influxdb';

const SCRIPTS = resolve(__dirname, '../../../../infra/engines');
const run = promisify(execFile);

/** Where infra/engines keeps each engine's data and pid file (same rule as engines.sh). */
export function enginesDir(): string {
  return process.env.ARCHITECH_ENGINES_DIR ?? join(process.env.TMPDIR ?? tmpdir(), 'architech-engines');
}

/** The port of `host:port` or of a URL, as the scripts take it in KAFKA_PORT / OPENSEARCH_PORT. */
function portOf(address: string): string {
  return /:(\d+)\/?$/.exec(address)?.[1] ?? '';
}

function engineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env, ARCHITECH_ENGINES_DIR: enginesDir() };
  const kafka = process.env.KAFKA_BROKERS?.split(',')[0];
  if (kafka) env.KAFKA_PORT = portOf(kafka);
  if (process.env.OPENSEARCH_URL) env.OPENSEARCH_PORT = portOf(process.env.OPENSEARCH_URL);
  if (process.env.INFLUX_URL) env.INFLUX_PORT = portOf(process.env.INFLUX_URL);
  return env;
}

/** The pid infra/engines recorded for `engine`, if it is alive. */
export function enginePid(engine: Engine): number | undefined {
  const pidFile = join(enginesDir(), engine, 'pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Whether `engine` runs under infra/engines (its pid file names a live process), so a test may restart it. */
export function startedByInfraEngines(engine: Engine): boolean {
  return enginePid(engine) !== undefined;
}

/** Stops `engine` (SIGTERM, as an operator would) through infra/engines/stop; its data stays. */
export async function stopEngine(engine: Engine): Promise<void> {
  await run(join(SCRIPTS, 'stop'), [engine], { env: engineEnv() });
}

/** Starts `engine` again through infra/engines/start and resolves once it answers. */
export async function startEngine(engine: Engine): Promise<void> {
  await run(join(SCRIPTS, 'start'), [engine], { env: engineEnv() });
}
