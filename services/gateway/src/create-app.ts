import type { INestApplication } from '@nestjs/common';
import { createServiceApp, TokenService } from '@architech/service-kit';
import { listOf, type GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { securityHeadersMiddleware } from './http/security-headers';
import { createProxyMiddleware, type LocalServices } from './proxy/proxy.middleware';
import { createApiDocsMiddleware } from './docs/api-docs.middleware';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { createWebAppMiddleware } from './web/web-app.middleware';

/**
 * Builds the gateway (not yet listening): CORS, the API reference (`/api/docs`, `/api/docs.json`),
 * then the proxy for `/api/...`, then its own routes.
 * With WEB_DIR set, the built web app is served at every other GET path. `local`: services in this
 * process, called without an HTTP hop (the embedded topology).
 */
export async function createGatewayApp(config: GatewayConfig, options: { quiet?: boolean; local?: LocalServices } = {}): Promise<INestApplication> {
  const app = await createServiceApp(GatewayModule.forRoot(config) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet, parseJson: false, first: [securityHeadersMiddleware] });
  // CORS only for the origins listed (a literal `*` when configured so, never an echo of any origin).
  const origins = config.CORS_ORIGINS.trim() === '*' ? '*' : listOf(config.CORS_ORIGINS).map((o) => o.replace(/\/$/, ''));
  if (origins.length > 0) app.enableCors({ origin: origins, exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 });
  const express = app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void };
  // Forwarding headers count only from the proxies named in TRUSTED_PROXIES (none by default).
  const trusted = listOf(config.TRUSTED_PROXIES);
  express.set('trust proxy', trusted.length > 0 ? trusted : false);
  const openApi = buildOpenApiDocument();
  app.use(createApiDocsMiddleware(() => openApi));
  app.use(createProxyMiddleware(config, new TokenService(config.JWT_SECRET, config.JWT_TTL_SEC), Date.now, options.local));
  if (config.WEB_DIR) app.use(createWebAppMiddleware(config.WEB_DIR));
  return app;
}
