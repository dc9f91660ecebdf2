import { closeOnSignals, listen } from '@architech/service-kit';
import { loadProjectsConfig } from './config';
import { createProjectsApp } from './create-app';

/** Runs the projects service on its own (the distributed topology). */
async function main(): Promise<void> {
  const config = loadProjectsConfig();
  const app = await createProjectsApp(config);
  closeOnSignals(app);
  await listen(app, config.PROJECTS_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`projects service failed to start: ${error.message}\n`);
  process.exit(1);
});
