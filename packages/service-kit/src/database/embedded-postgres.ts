import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A running embedded Postgres (PGlite) reachable over the Postgres wire protocol on loopback. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

let shared: Promise<EmbeddedPostgres> | undefined;

/**
 * Starts PGlite (real Postgres compiled to WASM) on a directory and serves it on 127.0.0.1 so
 * TypeORM and pg connect to it like to any Postgres. PGlite runs one query at a time; the socket
 * server multiplexes up to `maxConnections` clients, so size it to the sum of the pools. One
 * instance per process: services started in the same process share it.
 */
export function startEmbeddedPostgres(dataDir: string, maxConnections = 32): Promise<EmbeddedPostgres> {
  shared ??= (async () => {
    const dir = resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    const db = await PGlite.create({ dataDir: dir });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const address = server.getServerConn();
    return {
      url: `postgres://postgres@${address}/postgres`,
      stop: async () => {
        await server.stop();
        await db.close();
        shared = undefined;
      },
    };
  })();
  return shared;
}
