export { createGatewayApp } from './create-app';
export { loadGatewayConfig, gatewayConfigSchema, type GatewayConfig } from './config';
export { resolveRoute } from './proxy/route-table';
export type { LocalService, LocalServices } from './proxy/proxy.middleware';
