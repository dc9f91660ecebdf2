/*
 * The embedded database's own thread: PGlite (Postgres compiled to WebAssembly) executes every
 * query synchronously on the thread that owns it, so it runs here, with its wire server, and the
 * services' event loop stays free to answer requests while telemetry is being written.
 */
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire-server';

async function main(): Promise<void> {
  const { dir } = workerData as { dir: string };
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  const server = new PgliteWireServer(db);
  const port = await server.listen();
  parentPort!.on('message', (message: { kind: string }) => {
    if (message.kind !== 'stop') return;
    void (async () => {
      await server.close();
      await db.close();
      parentPort!.postMessage({ kind: 'stopped' });
    })();
  });
  parentPort!.postMessage({ kind: 'ready', port });
}

main().catch((error: Error) => parentPort!.postMessage({ kind: 'failed', message: error.message }));
