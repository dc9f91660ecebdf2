import { ConfigError } from '@architech/service-kit';
import { DEMO_ACCOUNT, seedDemo } from './demo-seed';
import { startEmbeddedTopology } from './embedded-topology';

/** A connection string without its password, for the log. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * `npm start`: the embedded topology on one machine. Prints the URL; Ctrl+C stops everything
 * cleanly (data stays under DATA_DIR).
 */
async function main(): Promise<void> {
  const topology = await startEmbeddedTopology({ quiet: process.env.ARCHITECH_VERBOSE !== '1' });
  const where = process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `embedded PGlite in ${process.env.DATA_DIR ?? '.architech-data'}`;
  process.stdout.write(`Architech is running at ${topology.url} (API under ${topology.url}/api, OpenAPI at ${topology.url}/api/docs; data: ${where})\nPress Ctrl+C to stop.\n`);
  if (process.env.ARCHITECH_VERBOSE === '1') process.stdout.write(`databases: main ${redacted(topology.databases.main)} telemetry ${redacted(topology.databases.telemetry)}\n`);
  if (process.argv.includes('--demo') || process.env.ARCHITECH_DEMO === '1') {
    process.stdout.write('Seeding the demo (an account, a project, a design and two simulations)…\n');
    const demo = await seedDemo(topology.url);
    process.stdout.write(
      `Demo ${demo.created ? 'ready' : 'already seeded'}: log in at ${topology.url}/login as ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}\n` +
        `  design:     ${demo.designUrl}\n  simulation: ${demo.simulationUrl}\n`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    await topology.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Architech failed to start: ${error.message}\n`);
  process.exit(1);
});
