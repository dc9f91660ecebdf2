import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Kafka broker of one test's own (see {@link startPrivateKafka}). */
export interface PrivateKafka {
  /** `127.0.0.1:<port>`. */
  brokers: string;
  /** Stops it (SIGTERM) and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it and deletes its data. */
  stop(): Promise<void>;
}

/**
 * Starts a Kafka broker for one test through infra/engines (its own port and data folder, a 256 MB
 * heap), so the test can restart it without disturbing the suites that share the CI broker.
 */
export async function startPrivateKafka(name: string): Promise<PrivateKafka> {
  const [port, controller] = [await freePort(), await freePort()];
  const dir = join(enginesDir(), `private-${name}-${process.pid}`);
  const env = {
    ...process.env,
    ARCHITECH_ENGINES_DIR: dir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controller),
    KAFKA_HEAP: '256m',
  };
  const script = (command: string, ...args: string[]) => run(join(SCRIPTS, command), ['kafka', ...args], { env });
  await script('start');
  return {
    brokers: `127.0.0.1:${port}`,
    restart: async () => {
      await script('stop');
      await script('start');
    },
    stop: async () => {
      await script('stop', '--wipe');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
