import { containerPortsOf, dependenciesOf, environmentOf, healthcheckCommand, type ComposeFile } from './compose-file';
import { environmentProblems, listeningPort, SERVICE_NAMES, SERVICES, type Endpoints, type Environment, type ServiceConfig } from './service-configs';

/** Where each of our services listens in the compose file, by its compose service name. */
export function composeEndpoints(compose: ComposeFile): Endpoints {
  return new Map(SERVICES.map((service) => [service.name, listeningPort(service, environmentOf(compose.services[service.name] ?? {}))]));
}

/**
 * The hosts an environment points at: URL hosts and `host:port` lists (KAFKA_BROKERS).
 *
 * @example hostsIn({ DATABASE_URL: 'postgres://u:p@postgres:5432/db', KAFKA_BROKERS: 'kafka:9092' }) // ['postgres', 'kafka']
 */
export function hostsIn(env: Environment): string[] {
  const hosts = Object.values(env).flatMap((value) =>
    value.split(',').flatMap((part) => {
      if (part.includes('://') && URL.canParse(part)) return [new URL(part).hostname];
      const hostPort = /^([A-Za-z0-9.-]+):\d+$/.exec(part.trim());
      return hostPort ? [hostPort[1]] : [];
    }),
  );
  return [...new Set(hosts)];
}

/**
 * Everything wrong with one of our services in the compose file: its image, its environment
 * (environmentProblems), its health check and ports, and the start order: it waits until the
 * backing services it points at are healthy (the gateway also for every service it proxies to).
 */
export function composeServiceProblems(service: ServiceConfig, compose: ComposeFile): string[] {
  const definition = compose.services[service.name];
  if (!definition) return [`docker-compose.yml has no service ${service.name}`];
  const problems: string[] = [];
  const env = environmentOf(definition);
  if (!definition.image || !definition.build) problems.push('it needs both `build` (the one Dockerfile) and `image` (the tag every service shares)');
  problems.push(...environmentProblems(service, env, composeEndpoints(compose)));

  const port = listeningPort(service, env);
  const health = healthcheckCommand(definition);
  const probed = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/ready\b/.exec(health);
  if (!probed) problems.push(`its healthcheck does not ask /ready: ${health || '(none)'}`);
  else if (Number(probed[1]) !== port) problems.push(`its healthcheck asks port ${probed[1]}, but it listens on ${port}`);
  if (!containerPortsOf(definition).includes(port)) problems.push(`it listens on ${port} but neither exposes nor publishes it`);

  const dependencies = dependenciesOf(definition);
  const awaited = hostsIn(env).filter((host) => host in compose.services && (!SERVICE_NAMES.has(host) || service.name === 'gateway'));
  for (const host of awaited) {
    if (dependencies[host] !== 'service_healthy') problems.push(`it uses ${host} but does not wait for it to be healthy (depends_on: { ${host}: { condition: service_healthy } })`);
  }
  for (const host of hostsIn(env).filter((h) => !(h in compose.services))) problems.push(`it points at ${host}, which is not a service of the compose file`);
  return problems;
}
