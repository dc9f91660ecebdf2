import { closeOnSignals, listen } from '@architech/service-kit';
import { loadDesignsConfig } from './config';
import { createDesignsApp } from './create-app';

/** Runs the designs service on its own (the distributed topology). */
async function main(): Promise<void> {
  const config = loadDesignsConfig();
  const app = await createDesignsApp(config);
  closeOnSignals(app);
  await listen(app, config.DESIGNS_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`designs service failed to start: ${error.message}\n`);
  process.exit(1);
});
