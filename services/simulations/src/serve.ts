import { closeOnSignals, listen } from '@architech/service-kit';
import { createEventBus } from '@architech/service-kit/kafka';
import { loadSimulationsConfig } from './config';
import { createSimulationsApp } from './create-app';

/** Runs the simulations service on its own: its bus must be Kafka to share jobs with other processes. */
async function main(): Promise<void> {
  const config = loadSimulationsConfig();
  const bus = createEventBus(config.BUS === 'kafka' ? { kind: 'kafka', brokers: (config.KAFKA_BROKERS ?? '').split(',').filter(Boolean), clientId: 'architech-simulations' } : { kind: 'in-process' });
  const app = await createSimulationsApp(config, bus);
  closeOnSignals(app);
  await listen(app, config.SIMULATIONS_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`simulations service failed to start: ${error.message}\n`);
  process.exit(1);
});
