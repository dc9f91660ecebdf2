import { closeOnSignals, listen } from '@architech/service-kit';
import { createEventBus } from '@architech/service-kit/kafka';
import { loadTelemetryConfig } from './config';
import { createTelemetryApp } from './create-app';

/** Runs the telemetry service on its own: its bus must be Kafka to receive batches from other processes. */
async function main(): Promise<void> {
  const config = loadTelemetryConfig();
  const bus = createEventBus(config.BUS === 'kafka' ? { kind: 'kafka', brokers: (config.KAFKA_BROKERS ?? '').split(',').filter(Boolean), clientId: 'architech-telemetry' } : { kind: 'in-process' });
  const app = await createTelemetryApp(config, bus);
  closeOnSignals(app);
  await listen(app, config.TELEMETRY_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`telemetry service failed to start: ${error.message}\n`);
  process.exit(1);
});
