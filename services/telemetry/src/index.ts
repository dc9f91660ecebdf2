export { createTelemetryApp } from './create-app';
export { loadTelemetryConfig, telemetryConfigSchema, type TelemetryConfig } from './config';
