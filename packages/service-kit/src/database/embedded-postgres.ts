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

let shared: Promise<EmbeddedPostgres> | undefined;

/** The thread script, when built (under ts-jest only the TypeScript source exists: run in-process). */
const THREAD = join(__dirname, 'embedded-postgres-thread.js');

/**
 * Starts PGlite (real Postgres compiled to WASM) on a directory and serves it on 127.0.0.1 so
 * TypeORM and pg connect to it like to any Postgres. PGlite is one session: clients take turns a
 * whole exchange or transaction at a time (see {@link PgliteWireServer}). It runs on a thread of
 * its own, so executing queries never blocks the event loop of the services that send them. One
 * instance per process: services started in the same process share it.
 */
export function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  shared ??= existsSync(THREAD) ? startOnThread(dir) : startInProcess(dir);
  return shared;
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
      shared = undefined;
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
      shared = undefined;
    },
  };
}
