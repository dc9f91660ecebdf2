import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire-server';

/** A running embedded Postgres (PGlite) reachable over the Postgres wire protocol on loopback. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

let shared: Promise<EmbeddedPostgres> | undefined;

/**
 * Starts PGlite (real Postgres compiled to WASM) on a directory and serves it on 127.0.0.1 so
 * TypeORM and pg connect to it like to any Postgres. PGlite is one session: clients take turns a
 * whole exchange or transaction at a time (see {@link PgliteWireServer}). One instance per
 * process: services started in the same process share it.
 */
export function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  shared ??= (async () => {
    const dir = resolve(dataDir, 'pglite');
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
  })();
  return shared;
}
