import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire-server';

/** A running embedded Postgres (PGlite) reachable over the Postgres wire protocol on loopback. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Running instances by directory: services of one process asking for the same directory share it. */
const instances = new Map<string, Promise<EmbeddedPostgres>>();

/** The thread script, when built (under ts-jest only the TypeScript source exists: run in-process). */
const THREAD = join(__dirname, 'embedded-postgres-thread.js');

/**
 * Starts PGlite (real Postgres compiled to WASM) on a directory and serves it on 127.0.0.1 so
 * TypeORM and pg connect to it like to any Postgres. PGlite is one session: clients take turns a
 * whole exchange or transaction at a time (see {@link PgliteWireServer}). It runs on a thread of
 * its own, so executing queries never blocks the event loop of the services that send them. One
 * instance per directory and process: services started in the same process share it. The files
 * live in `<dataDir>/pglite` unless `instanceDir` names another directory (relative to `dataDir`,
 * or absolute): the embedded topology gives telemetry an instance of its own that way, on its own
 * thread, so ingestion never holds the session the interactive services share.
 */
export function startEmbeddedPostgres(dataDir: string, instanceDir = 'pglite'): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, instanceDir);
  let instance = instances.get(dir);
  if (!instance) {
    instance = existsSync(THREAD) ? startOnThread(dir) : startInProcess(dir);
    instances.set(dir, instance);
    instance.catch(() => instances.delete(dir));
  }
  return instance;
}

async function startOnThread(dir: string): Promise<EmbeddedPostgres> {
  const worker = new Worker(THREAD, { workerData: { dir } });
  const port = await new Promise<number>((resolveReady, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded database thread exited with ${code}`)));
    worker.on('message', (message: { kind: string; port?: number; message?: string }) => {
      if (message.kind === 'ready') resolveReady(message.port!);
      if (message.kind === 'failed') reject(new Error(`embedded database: ${message.message}`));
    });
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      const stopped = new Promise<void>((done) => worker.on('message', (message: { kind: string }) => message.kind === 'stopped' && done()));
      worker.postMessage({ kind: 'stop' });
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
      await worker.terminate();
      instances.delete(dir);
    },
  };
}

async function startInProcess(dir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  const server = new PgliteWireServer(db);
  const port = await server.listen();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.close();
      await db.close();
      instances.delete(dir);
    },
  };
}
