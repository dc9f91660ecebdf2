import { startTelemetryFromEnv } from '@architech/service-kit/telemetry';

// Instrumentation patches http, express and pg as they load, so it starts before anything else.
startTelemetryFromEnv('telemetry');
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./serve');
