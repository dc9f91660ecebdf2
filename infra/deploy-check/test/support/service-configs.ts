import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { assertProductionSecrets } from '../../../../packages/service-kit/src/config/common-config';
import { ConfigError } from '../../../../packages/service-kit/src/config/load-config';
import { designsConfigSchema, loadDesignsConfig } from '../../../../services/designs/src/config';
import { gatewayConfigSchema, loadGatewayConfig } from '../../../../services/gateway/src/config';
import { loadProjectsConfig, projectsConfigSchema } from '../../../../services/projects/src/config';
import { loadSimulationsConfig, simulationsConfigSchema } from '../../../../services/simulations/src/config';
import { loadTelemetryConfig, telemetryConfigSchema } from '../../../../services/telemetry/src/config';
import { loadUsersConfig, usersConfigSchema } from '../../../../services/users/src/config';

// The services' config.ts import loadConfig and commonConfigShape from service-kit's public entry,
// whose index also loads NestJS (ESM only, which jest cannot require). Only the configuration
// modules are needed here, so the entry is replaced by them, imported by relative path.
jest.mock('@architech/service-kit', () => ({
  ...jest.requireActual('../../../../packages/service-kit/src/config/load-config'),
  ...jest.requireActual('../../../../packages/service-kit/src/config/common-config'),
}));

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

export type ServiceName = 'users' | 'projects' | 'designs' | 'simulations' | 'telemetry' | 'gateway';
export type Environment = Record<string, string>;

/** One of our services as the deployment files must configure it: its schema and its loader. */
export interface ServiceConfig {
  name: ServiceName;
  schema: z.ZodObject;
  /** The service's own loader (cross-variable rules included), as its main.ts calls it. */
  load(env: Environment): Record<string, unknown>;
  /** The variable holding the port it listens on (USERS_PORT, …, GATEWAY_PORT). */
  portKey: string;
  /** Opens a database (its module uses DatabaseModule), so needs DATABASE_URL when distributed. */
  usesDatabase: boolean;
}

const CONFIGS: Record<ServiceName, { schema: z.ZodObject; load(env: Environment): Record<string, unknown> }> = {
  users: { schema: usersConfigSchema, load: loadUsersConfig },
  projects: { schema: projectsConfigSchema, load: loadProjectsConfig },
  designs: { schema: designsConfigSchema, load: loadDesignsConfig },
  simulations: { schema: simulationsConfigSchema, load: loadSimulationsConfig },
  telemetry: { schema: telemetryConfigSchema, load: loadTelemetryConfig },
  gateway: { schema: gatewayConfigSchema, load: loadGatewayConfig },
};

/** Variables a container may set beyond its schema: read by the image or by Node itself. */
export const EXTRA_VARIABLES: Record<string, string> = {
  SERVICE: 'which service the image runs (Dockerfile)',
  NODE_ENV: 'production: the services refuse the development secrets',
};

/**
 * docs/architecture.md §3: the adapter each port uses in the distributed topology (the defaults are the
 * embedded ones), and the variables that adapter then needs.
 */
export const DISTRIBUTED_ADAPTERS: Record<string, { value: string; needs: string[] }> = {
  BUS: { value: 'kafka', needs: ['KAFKA_BROKERS'] },
  METRIC_STORE: { value: 'influxdb', needs: ['INFLUX_URL'] },
  TRACE_STORE: { value: 'elasticsearch', needs: ['ELASTICSEARCH_URL'] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

function usesDatabase(name: ServiceName): boolean {
  return sourceFiles(join(REPOSITORY_ROOT, 'services', name, 'src')).some((file) => readFileSync(file, 'utf8').includes('DatabaseModule.forRoot'));
}

function portKeyOf(name: ServiceName, schema: z.ZodObject): string {
  const keys = Object.keys(schema.shape).filter((key) => key.endsWith('_PORT'));
  if (keys.length !== 1) throw new Error(`the ${name} schema should have exactly one *_PORT variable, has ${keys.join(', ') || 'none'}`);
  return keys[0];
}

export const SERVICES: ServiceConfig[] = (Object.keys(CONFIGS) as ServiceName[]).map((name) => ({
  name,
  ...CONFIGS[name],
  portKey: portKeyOf(name, CONFIGS[name].schema),
  usesDatabase: usesDatabase(name),
}));

export const SERVICE_NAMES = new Set<string>(SERVICES.map((s) => s.name));

function defaultOf(schema: z.ZodObject, key: string): { required: boolean; value: unknown } {
  const parsed = (schema.shape[key] as z.ZodType).safeParse(undefined);
  return parsed.success ? { required: false, value: parsed.data } : { required: true, value: undefined };
}

function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** The variables whose defaults NODE_ENV=production refuses (the published development secrets). */
function refusedInProduction(service: ServiceConfig): string[] {
  try {
    assertProductionSecrets(service.schema.parse({}) as { JWT_SECRET: string; INTERNAL_TOKEN: string }, { NODE_ENV: 'production' });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => problem.split(':')[0]);
  }
}

/**
 * What a service needs set in the distributed topology, with why: what its schema requires (no
 * default, not optional), every default pointing at loopback (in a container that is the
 * container itself), DATABASE_URL if it opens a database (unset: an embedded PGlite per
 * container), the secrets production refuses defaults for, and the distributed adapters.
 */
export function requiredVariables(service: ServiceConfig): Map<string, string> {
  const required = new Map<string, string>();
  for (const key of Object.keys(service.schema.shape)) {
    const { required: noDefault, value } = defaultOf(service.schema, key);
    if (noDefault) required.set(key, 'its schema requires it');
    else if (isLoopbackUrl(value)) required.set(key, `its default ${value as string} is the container itself`);
  }
  if (service.usesDatabase) required.set('DATABASE_URL', 'unset, each container would keep its own embedded PGlite');
  for (const key of refusedInProduction(service)) required.set(key, 'production refuses the development default');
  for (const [key, adapter] of Object.entries(DISTRIBUTED_ADAPTERS)) {
    if (!(key in service.schema.shape)) continue;
    required.set(key, `the distributed adapter is ${key}=${adapter.value}`);
    for (const need of adapter.needs) required.set(need, `${key}=${adapter.value} needs it`);
  }
  return required;
}

/** Where each service listens, by name, as its configuration in an environment says. */
export type Endpoints = Map<string, number>;

/**
 * Everything wrong with one service's environment in a topology: unknown variables (typos),
 * missing required ones, embedded adapters, a configuration its own loader refuses (or production
 * refuses), and URLs of our services that do not point at the service's name and port.
 */
export function environmentProblems(service: ServiceConfig, env: Environment, endpoints: Endpoints): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(env)) {
    if (!(key in service.schema.shape) && !(key in EXTRA_VARIABLES)) problems.push(`${key} is set, but the ${service.name} schema has no such variable`);
  }
  for (const [key, why] of requiredVariables(service)) {
    if (!env[key]) problems.push(`${key} is not set (${why})`);
  }
  for (const [key, adapter] of Object.entries(DISTRIBUTED_ADAPTERS)) {
    if (key in service.schema.shape && env[key] && env[key] !== adapter.value) problems.push(`${key}=${env[key]}: the distributed topology uses ${adapter.value}`);
  }
  if (env.SERVICE !== service.name) problems.push(`SERVICE is ${JSON.stringify(env.SERVICE)}: the image would not run ${service.name}`);
  if (env.NODE_ENV !== 'production') problems.push(`NODE_ENV is ${JSON.stringify(env.NODE_ENV)}, not production: the development secrets would be accepted`);
  try {
    const config = service.load(env);
    assertProductionSecrets(config as { JWT_SECRET: string; INTERNAL_TOKEN: string }, env);
  } catch (error) {
    problems.push(`the ${service.name} service would refuse to start: ${(error as Error).message}`);
  }
  for (const [key, value] of Object.entries(env)) {
    // The schemas accept any URL (`influxdb:8086` parses, as scheme `influxdb:`): ask for a host.
    const schemes = key === 'DATABASE_URL' ? ['postgres:', 'postgresql:'] : ['http:', 'https:'];
    if (key.endsWith('_URL') && value && !(URL.canParse(value) && schemes.includes(new URL(value).protocol) && new URL(value).hostname)) {
      problems.push(`${key}=${value} is not a ${schemes.map((scheme) => `${scheme}//`).join(' or ')} URL with a host`);
    }
  }
  for (const broker of env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',') : []) {
    if (!/^[A-Za-z0-9.-]+:\d+$/.test(broker.trim())) problems.push(`KAFKA_BROKERS has ${JSON.stringify(broker)}, not host:port`);
  }
  for (const [key, value] of Object.entries(env)) {
    const target = key.endsWith('_URL') ? key.slice(0, -'_URL'.length).toLowerCase() : '';
    if (!SERVICE_NAMES.has(target) || !URL.canParse(value)) continue;
    const url = new URL(value);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const host = url.hostname.split('.')[0];
    if (host !== target || port !== endpoints.get(target)) problems.push(`${key}=${value}, but the ${target} service listens at ${target}:${endpoints.get(target)}`);
  }
  return problems;
}

/** The port a service listens on with an environment (its *_PORT, or the schema's default). */
export function listeningPort(service: ServiceConfig, env: Environment): number {
  return Number((service.schema.shape[service.portKey] as z.ZodType).parse(env[service.portKey] || undefined));
}
