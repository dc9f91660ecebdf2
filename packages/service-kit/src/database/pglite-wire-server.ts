import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const READY_FOR_QUERY = 0x5a; // 'Z'
const TERMINATE = 0x58; // 'X'
const IDLE = 0x49; // 'I'

/**
 * Turns at the single PGlite session, with two classes of clients: interactive ones (the API's
 * services) go before bulk ones (telemetry ingestion) that are waiting, so a page's query waits
 * for at most the exchange in progress, not for a queue of ingestion batches. So that ingestion
 * is never starved, a waiting bulk client gets a turn after `BULK_EVERY` interactive turns.
 * Within a class, turns are first come, first served. `acquire` resolves with the release.
 */
class SessionTurns {
  private held = false;
  private readonly interactive: (() => void)[] = [];
  private readonly bulk: (() => void)[] = [];
  private interactiveInARow = 0;

  acquire(bulk: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.held = false;
          this.next();
        });
      };
      if (!this.held) grant();
      else (bulk ? this.bulk : this.interactive).push(grant);
    });
  }

  private next(): void {
    const bulkDue = this.bulk.length > 0 && (this.interactive.length === 0 || this.interactiveInARow >= BULK_EVERY);
    const grant = bulkDue ? this.bulk.shift() : this.interactive.shift();
    this.interactiveInARow = bulkDue ? 0 : this.interactiveInARow + 1;
    grant?.();
  }
}

/** A waiting bulk client gets a turn after this many interactive turns in a row. */
const BULK_EVERY = 8;

/** Connections whose `application_name` is one of these are bulk (see {@link SessionTurns}). */
const BULK_APPLICATIONS = new Set(['architech-telemetry']);

/** The parameters (user, database, application_name…) of a StartupMessage. */
function startupParameters(message: Uint8Array): Map<string, string> {
  const parts = Buffer.from(message.subarray(8)).toString('utf8').split('\0');
  const parameters = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) parameters.set(parts[i], parts[i + 1]);
  return parameters;
}

/** The status byte of the ReadyForQuery that ends `response`, if it ends with one. */
function readyStatus(response: Uint8Array): number | undefined {
  const n = response.length;
  if (n < 6 || response[n - 6] !== READY_FOR_QUERY) return undefined;
  const length = (response[n - 5] << 24) | (response[n - 4] << 16) | (response[n - 3] << 8) | response[n - 2];
  return length === 5 ? response[n - 1] : undefined;
}

/**
 * Serves one PGlite database over the Postgres wire protocol to many clients. PGlite is a single
 * session, so a client holds it from its first message until PGlite is idle again (ReadyForQuery
 * 'I'): a whole extended-protocol exchange or a whole transaction runs without interleaving. (A
 * per-message multiplexer lets one client's Parse/Bind/Execute interleave with another's, which
 * corrupts unnamed portals under concurrency.) A client that disconnects mid-transaction has it
 * rolled back. Interactive clients take turns before waiting telemetry ingestion
 * ({@link SessionTurns}).
 */
export class PgliteWireServer {
  private readonly turns = new SessionTurns();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.serve(socket));
  }

  /** Listens on loopback; resolves with the port. */
  listen(port = 0, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as { port: number }).port));
    });
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    // Answers are small and the client waits for each: Nagle's delay would add ~40 ms per round trip.
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let bulk = false;
    let release: (() => void) | null = null;
    let work: Promise<void> = Promise.resolve();

    const endSession = async () => {
      if (!release) return;
      try {
        await this.db.exec('ROLLBACK');
      } catch {
        // Not in a transaction: nothing to undo.
      }
      release();
      release = null;
    };

    const drain = async () => {
      for (;;) {
        let length: number;
        if (!started) {
          if (buffer.length < 8) return;
          length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            buffer = buffer.subarray(8);
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
        } else {
          if (buffer.length < 5) return;
          length = 1 + buffer.readInt32BE(1);
        }
        if (buffer.length < length) return;
        const message = new Uint8Array(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (started && message[0] === TERMINATE) {
          await endSession();
          socket.end();
          return;
        }
        if (!started) bulk = BULK_APPLICATIONS.has(startupParameters(message).get('application_name') ?? '');
        started = true;
        release ??= await this.turns.acquire(bulk);
        const response = await this.db.execProtocolRaw(message, { syncToFs: false });
        const status = readyStatus(response);
        // Flush to disk once per exchange, before the client learns it is done, not per message.
        if (status !== undefined) await this.db.syncToFs();
        if (response.length > 0 && !socket.destroyed) socket.write(response);
        if (status === IDLE) {
          release();
          release = null;
        }
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      work = work.then(drain).catch(() => {
        socket.destroy();
      });
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      work = work.then(endSession, endSession);
    });
  }
}
