import { commonConfigShape, ConfigError, loadConfig } from '@architech/service-kit';
import { isIP } from 'node:net';
import { z } from 'zod';

const url = z.string().url();

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUSTED_PROXIES entry: `loopback`, `linklocal`, `uniquelocal`, an address, or address/prefix. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `scheme://host[:port]` and nothing else: what a browser sends in `Origin`. */
function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** A comma-separated list, trimmed, empty entries dropped. */
export function listOf(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The gateway's configuration (docs/configuration.md). */
export const gatewayConfigSchema = z.object({
  ...commonConfigShape,
  /** The single public port. */
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  USERS_URL: url.default('http://127.0.0.1:3001'),
  PROJECTS_URL: url.default('http://127.0.0.1:3002'),
  DESIGNS_URL: url.default('http://127.0.0.1:3003'),
  SIMULATIONS_URL: url.default('http://127.0.0.1:3004'),
  TELEMETRY_URL: url.default('http://127.0.0.1:3005'),
  /**
   * Browser origins (`https://app.example.com`) allowed to call the API from another origin,
   * comma-separated. Empty: none (the web app the gateway serves is same-origin and needs none).
   * `*` allows any origin without credentials, and is refused with NODE_ENV=production.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .refine((v) => v.trim() === '*' || listOf(v).every(isOrigin), 'list origins such as https://app.example.com (scheme, host, optional port; no path), comma-separated, or *'),
  /**
   * Proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` the gateway believes (comma-separated
   * addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`). Empty: none, the client
   * address is the connection's peer, whatever headers say.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((v) => listOf(v).every(isProxyEntry), 'list IP addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal, comma-separated'),
  /** Requests per minute per client address (token bucket); 0 disables. */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(1200),
  /** Burst above the steady rate. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /** How long the gateway reuses the users service's "token not revoked" answer; 0 asks every time. */
  REVOCATION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Upstream answer deadline (over HTTP; a service in the gateway's process answers on its own). */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * Embedded topology only: hand each request to its service's application in this process
   * instead of over loopback HTTP (the services still listen, for each other's calls).
   */
  GATEWAY_LOCAL_DISPATCH: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').default(true),
  /** Directory of the built web app (web/dist) served at `/`; empty serves no web app. */
  WEB_DIR: z.string().default(''),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = loadConfig(gatewayConfigSchema, env);
  if (env.NODE_ENV === 'production' && config.CORS_ORIGINS.trim() === '*') {
    throw new ConfigError(['CORS_ORIGINS: * lets any web site call the API from its visitors\' browsers; list the allowed origins in production']);
  }
  return config;
}
