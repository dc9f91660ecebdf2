export type { GatewayConfig } from './config';

/** Injection token of the gateway's configuration. */
export const GatewayConfigToken = Symbol('GatewayConfig');
