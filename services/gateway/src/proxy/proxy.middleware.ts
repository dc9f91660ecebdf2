import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';
import { ApiException, currentRequestContext, TokenService, type AuthUser } from '@architech/service-kit';
import type { GatewayConfig } from '../config';
import { RateLimiter } from './rate-limiter';
import { RevocationCheck } from './revocation';
import { resolveRoute, type Route } from './route-table';
import { ShareLinkResolver, shareLinkNotFound } from './share-link-resolver';
import { matchSharedRequest, type SharedRequest } from './shared-routes';

/** Logging out through this gateway revokes the token here at once, not after the cache. */
const LOGOUT_PATHS = new Set(['/api/auth/logout', '/api/auth/logout-all']);

/** What a shared read forwards of the client's headers: no credentials, no cookies. */
const SHARED_HEADERS = new Set(['accept', 'accept-encoding', 'content-type', 'content-length', 'user-agent', 'traceparent', 'tracestate']);

/** Headers that describe one hop and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);

function sendError(res: Response, error: ApiException, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(error.status).json(error.body());
}

/** The client's address: the peer, or what a trusted proxy (TRUSTED_PROXIES) says it forwarded for. */
function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Random bytes for trace ids, drawn from the system 256 ids at a time (one call per id costs more than the rest of an id). */
const TRACE_ID_BYTES = 24;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

/** A W3C traceparent for a request that arrived without one, so every hop shares a trace id. */
function newTraceparent(): string {
  if (randomOffset + TRACE_ID_BYTES > randomPool.length) {
    randomPool = randomBytes(TRACE_ID_BYTES * 256);
    randomOffset = 0;
  }
  const at = randomOffset;
  randomOffset += TRACE_ID_BYTES;
  return `00-${randomPool.toString('hex', at, at + 16)}-${randomPool.toString('hex', at + 16, at + 24)}-01`;
}

/** A service's Express application, called with the request itself (`app.handle`, as a mounted sub-application is). */
export type LocalService = (req: Request, res: Response, done: (error?: unknown) => void) => void;

/**
 * Services running in the gateway's own process (the embedded topology, GATEWAY_LOCAL_DISPATCH):
 * their requests are handed to their Express application directly instead of over loopback HTTP.
 */
export type LocalServices = Partial<Record<Route['service'], LocalService>>;

/**
 * The gateway's core: for `/api/...` it rate-limits by client address, verifies the access token
 * of non-public routes, enforces the body limit while streaming, and forwards the request to the
 * service that owns the path with the request id, client address and trace context: over HTTP, or
 * to the service's application in this process when `local` has it. Everything else falls through
 * to the gateway's own routes (health, OpenAPI document).
 */
export function createProxyMiddleware(config: GatewayConfig, tokens: TokenService, now: () => number = Date.now, local: LocalServices = {}) {
  const upstreams: Record<Route['service'], URL> = {
    users: new URL(config.USERS_URL),
    projects: new URL(config.PROJECTS_URL),
    designs: new URL(config.DESIGNS_URL),
    simulations: new URL(config.SIMULATIONS_URL),
    telemetry: new URL(config.TELEMETRY_URL),
  };
  const limiter = new RateLimiter(config.RATE_LIMIT_PER_MIN, config.RATE_LIMIT_BURST);
  const revocations = new RevocationCheck(config.USERS_URL, config.INTERNAL_TOKEN, config.REVOCATION_CACHE_MS, config.UPSTREAM_TIMEOUT_MS);
  const shareLinks = new ShareLinkResolver(config.SIMULATIONS_URL, config.INTERNAL_TOKEN, config.UPSTREAM_TIMEOUT_MS);
  const localOnly = (Object.keys(upstreams) as Route['service'][]).every((service) => local[service] !== undefined);

  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.path;
    if (!path.startsWith('/api/') || path === '/api/docs') {
      next();
      return;
    }
    const client = clientAddress(req);
    const wait = limiter.take(client, now());
    if (wait > 0) {
      sendError(res, new ApiException(429, 'too_many_requests', `rate limit of ${config.RATE_LIMIT_PER_MIN} requests per minute exceeded; retry in ${wait} s`, { retryAfterSec: wait }), { 'retry-after': String(wait) });
      return;
    }
    const shared = matchSharedRequest(req.method, path);
    if (shared) {
      serveShared(req, res, shared, client);
      return;
    }
    const route = resolveRoute(req.method, path);
    if (!route) {
      sendError(res, new ApiException(404, 'not_found', `no route for ${req.method} ${path}`));
      return;
    }
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > config.BODY_LIMIT_BYTES) {
      sendError(res, new ApiException(413, 'payload_too_large', `request body of ${declared} bytes exceeds the limit of ${config.BODY_LIMIT_BYTES} bytes`));
      return;
    }
    if (route.public) {
      forward(req, res, upstreams[route.service], route.service);
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    let user: AuthUser;
    try {
      if (!match) throw ApiException.unauthorized();
      user = tokens.verify(match[1]);
    } catch (error) {
      sendError(res, error as ApiException);
      return;
    }
    // The body is read only once the token is known to be live (a local service's body parser
    // reads a stream nobody paused: until it listens, nothing flows).
    if (!local[route.service]) req.pause();
    revocations.assertActive(user).then(
      () => {
        if (LOGOUT_PATHS.has(path)) res.once('finish', () => res.statusCode < 300 && revocations.revoked(user));
        forward(req, res, upstreams[route.service], route.service);
      },
      (error: ApiException) => sendError(res, error),
    );
  };

  /**
   * A read through a share link (docs/sharing.md): a request the allow-list does not grant, or a
   * token that opens nothing, is 404; otherwise the token's run is read on the owning service's
   * internal route, without the client's credentials.
   */
  function serveShared(req: Request, res: Response, shared: SharedRequest, client: string): void {
    const declared = Number(req.header('content-length') ?? 0);
    if (!shared.route) {
      sendError(res, shared.token ? new ApiException(404, 'not_found', `a share link grants no ${req.method} ${req.path}`) : shareLinkNotFound());
      return;
    }
    if (declared > config.BODY_LIMIT_BYTES) {
      sendError(res, new ApiException(413, 'payload_too_large', `request body of ${declared} bytes exceeds the limit of ${config.BODY_LIMIT_BYTES} bytes`));
      return;
    }
    const serve = shared.route;
    if (!localOnly) req.pause();
    shareLinks.resolve(shared.token, shared.open, client).then(
      (link) => {
        const route = serve(link);
        const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
        res.setHeader('x-share-expires-at', link.expiresAt);
        res.setHeader('cache-control', 'private, no-store');
        forward(req, res, upstreams[route.service], route.service, route.path + query);
      },
      (error: ApiException) => sendError(res, error),
    );
  }

  /** The headers a service receives: the client's (a share link's read: only SHARED_HEADERS, and the internal token) and the gateway's. */
  function forwardedHeaders(req: Request, sharedPath: string | undefined): IncomingHttpHeaders {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || name === 'x-internal-token') continue;
      if (sharedPath === undefined || SHARED_HEADERS.has(name)) headers[name] = value;
    }
    if (sharedPath !== undefined) headers['x-internal-token'] = config.INTERNAL_TOKEN;
    const context = currentRequestContext();
    if (context) headers['x-request-id'] = context.requestId;
    // The client address as the gateway resolved it (TRUSTED_PROXIES): the services see this one
    // address, never a chain a client could have written itself.
    headers['x-forwarded-for'] = clientAddress(req);
    headers['x-forwarded-proto'] = req.protocol;
    headers.traceparent ??= newTraceparent();
    return headers;
  }

  /**
   * Hands the request to a service's application in this process: it sees what it would have
   * received over HTTP (the forwarded headers, the internal path of a shared read) and answers
   * the client itself. `req.ip` is fixed to the address the gateway resolved, which the service's
   * own proxy settings would otherwise recompute from the socket.
   */
  function dispatch(handler: LocalService, req: Request, res: Response, service: string, sharedPath: string | undefined): void {
    const ip = clientAddress(req);
    req.headers = forwardedHeaders(req, sharedPath);
    Object.defineProperty(req, 'ip', { value: ip, configurable: true, enumerable: true });
    if (sharedPath !== undefined) {
      req.url = sharedPath;
      req.originalUrl = sharedPath;
    }
    // Nest answers every request it routes (404 included); `done` is reached only past its handlers.
    handler(req, res, (error?: unknown) => {
      if (error === undefined) return sendError(res, new ApiException(404, 'not_found', `no route for ${req.method} ${req.path}`));
      Logger.error(`${service} service failed a request: ${error instanceof Error ? error.message : String(error)}`, 'gateway');
      sendError(res, new ApiException(500, 'internal', 'internal error'));
    });
  }

  /** Forwards the request as it came, or, with `sharedPath`, a share link's read to that internal path. */
  function forward(req: Request, res: Response, upstream: URL, service: Route['service'], sharedPath?: string): void {
    const handler = local[service];
    if (handler) return dispatch(handler, req, res, service, sharedPath);
    const headers = forwardedHeaders(req, sharedPath);
    const upstreamRequest = httpRequest(
      { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: req.method, path: sharedPath ?? req.originalUrl, headers, timeout: config.UPSTREAM_TIMEOUT_MS },
      (upstreamResponse) => {
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(upstreamResponse.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(upstreamResponse.statusCode ?? 502, out);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('timeout', () => upstreamRequest.destroy(new Error('upstream timeout')));
    let refused = false;
    upstreamRequest.on('error', (error: NodeJS.ErrnoException) => {
      if (refused) return;
      const status = error.message === 'upstream timeout' ? 504 : 503;
      sendError(res, new ApiException(status, status === 504 ? 'upstream_timeout' : 'service_unavailable', `${service} service ${status === 504 ? 'did not answer in time' : 'is unavailable'}`));
    });
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > config.BODY_LIMIT_BYTES && !refused) {
        refused = true;
        req.unpipe(upstreamRequest);
        upstreamRequest.destroy();
        sendError(res, new ApiException(413, 'payload_too_large', `request body exceeds the limit of ${config.BODY_LIMIT_BYTES} bytes`));
        req.resume();
      }
    });
    req.pipe(upstreamRequest);
  }
}
