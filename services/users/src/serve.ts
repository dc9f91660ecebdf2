import { closeOnSignals, listen } from '@architech/service-kit';
import { loadUsersConfig } from './config';
import { createUsersApp } from './create-app';

/** Runs the users service on its own (the distributed topology). */
async function main(): Promise<void> {
  const config = loadUsersConfig();
  const app = await createUsersApp(config);
  closeOnSignals(app);
  await listen(app, config.USERS_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`users service failed to start: ${error.message}\n`);
  process.exit(1);
});
