import { NodeSDK } from '@opentelemetry/sdk-node';
import { ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  exporter: 'none' | 'console' | 'otlp';
  otlpEndpoint?: string;
}

/**
 * Starts OpenTelemetry for a service: HTTP (server and client, so trace context crosses service
 * calls), Express and pg spans, exported as configured. `none` starts nothing. Call it before the
 * instrumented modules are used.
 */
export function startTelemetry(serviceName: string, options: TelemetryOptions): { shutdown(): Promise<void> } {
  if (options.exporter === 'none') return { shutdown: async () => undefined };
  const exporter: SpanExporter = options.exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter(options.otlpEndpoint ? { url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` } : {});
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `architech-${serviceName}` }),
    traceExporter: exporter,
    instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation(), new PgInstrumentation()],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/**
 * Starts telemetry from OTEL_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT before anything else loads;
 * a bad value stops the process with a clear message.
 */
export function startTelemetryFromEnv(serviceName: string, env: NodeJS.ProcessEnv = process.env): { shutdown(): Promise<void> } {
  const exporter = env.OTEL_EXPORTER || 'none';
  if (exporter !== 'none' && exporter !== 'console' && exporter !== 'otlp') {
    process.stderr.write(`invalid configuration:\n  - OTEL_EXPORTER: expected none, console or otlp (got '${exporter}')\n`);
    process.exit(1);
  }
  return startTelemetry(serviceName, { exporter, otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined });
}
