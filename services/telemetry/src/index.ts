export { createTelemetryApp } from './create-app';
export { loadTelemetryConfig, telemetryConfigSchema, type TelemetryConfig } from './config';
export { moveTelemetry, TELEMETRY_MIGRATIONS } from './move-telemetry';
