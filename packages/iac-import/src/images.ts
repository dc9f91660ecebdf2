import type { ComponentType } from '@architech/contracts';

/** Image names recognised by what they run (docs/import.md); anything else is a SERVICE. */
const KNOWN: readonly [RegExp, ComponentType][] = [
  [/^(postgres|postgis|timescaledb|mysql|mariadb|mongo|mongodb|cassandra|scylla|cockroach|mssql|sqlserver|oracle|couchdb|couchbase|elasticsearch|opensearch|influxdb|clickhouse|neo4j|dynamodb-local|cp-ksqldb)/, 'DATABASE'],
  [/^(redis|memcached|valkey|keydb|dragonfly|hazelcast|varnish)/, 'CACHE'],
  [/^(rabbitmq|kafka|cp-kafka|cp-server|redpanda|nats|activemq|artemis|pulsar|nsq|emqx|mosquitto)/, 'QUEUE'],
  [/^(nginx|traefik|haproxy|envoy|caddy|kong|istio-ingressgateway|ingress-nginx)/, 'LOAD_BALANCER'],
];

/** The short name of an image: `docker.io/bitnami/redis:7.2@sha…` → `redis`. */
export function imageName(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.split('/').pop() ?? noDigest;
  return last.split(':')[0].toLowerCase();
}

/** The component type an image suggests, or undefined when it is an application image. */
export function classifyImage(image: string | undefined): ComponentType | undefined {
  if (!image) return undefined;
  const name = imageName(image);
  for (const [pattern, type] of KNOWN) if (pattern.test(name)) return type;
  return undefined;
}

/** CPU quantity as cores: `250m` → 0.25, `"1.5"` → 1.5; undefined when unreadable. */
export function cpuCores(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([0-9.]+)\s*(m?)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 1000 : 1);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
