import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPOSITORY_ROOT, type Environment } from './service-configs';

export interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, unknown> | string[];
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
  expose?: (string | number)[];
  ports?: (string | number | { target?: number })[];
  deploy?: { replicas?: number };
  volumes?: (string | { source?: string; target?: string })[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export const COMPOSE_PATH = join(REPOSITORY_ROOT, 'docker-compose.yml');

/**
 * Compose's variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `$$`) over `variables`, as `docker compose` applies it to the
 * whole file; a required variable that is missing throws with its message.
 */
export function interpolate(text: string, variables: Environment): string {
  return text.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, dollar, name, colon, operator, word, bare) => {
    if (dollar === '$') return '$';
    if (bare) return variables[bare] ?? '';
    const value = variables[name];
    const missing = colon ? !value : value === undefined;
    if (!operator) return value ?? '';
    if (!missing) return value;
    if (operator === '-') return interpolate(word, variables);
    throw new Error(`required variable ${name} is missing a value: ${word}`);
  });
}

function interpolateAll(value: unknown, variables: Environment): unknown {
  if (typeof value === 'string') return interpolate(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, variables));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, variables)]));
  return value;
}

/** docker-compose.yml with its anchors merged and its variables interpolated from `variables`. */
export function loadCompose(variables: Environment, text = readFileSync(COMPOSE_PATH, 'utf8')): ComposeFile {
  return interpolateAll(parse(text, { merge: true }), variables) as ComposeFile;
}

/** A service's environment as the container gets it (a list of KEY=VALUE or a mapping). */
export function environmentOf(service: ComposeService): Environment {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    : Object.entries(service.environment ?? {});
  return Object.fromEntries(entries.filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => [key, String(value)]));
}

export function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  return Array.isArray(dependsOn) ? Object.fromEntries(dependsOn.map((name) => [name, 'service_started'])) : Object.fromEntries(Object.entries(dependsOn).map(([name, d]) => [name, d.condition ?? 'service_started']));
}

/** Container ports a service exposes to the others or publishes (`expose`, `ports`). */
export function containerPortsOf(service: ComposeService): number[] {
  const published = (service.ports ?? []).map((port) => (typeof port === 'object' ? Number(port.target) : Number(String(port).split(':').pop()!.split('/')[0])));
  return [...(service.expose ?? []).map((port) => Number(String(port).split('/')[0])), ...published];
}

export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}
