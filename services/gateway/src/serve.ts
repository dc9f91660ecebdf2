import { closeOnSignals, listen } from '@architech/service-kit';
import { loadGatewayConfig } from './config';
import { createGatewayApp } from './create-app';

/** Runs the gateway on its own (the distributed topology). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  closeOnSignals(app);
  await listen(app, config.GATEWAY_PORT, config.GATEWAY_HOST);
}

main().catch((error: Error) => {
  process.stderr.write(`gateway failed to start: ${error.message}\n`);
  process.exit(1);
});
