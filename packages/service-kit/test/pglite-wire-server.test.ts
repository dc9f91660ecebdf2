import { Client } from 'pg';
import { startPgliteServer } from './support/pglite-server';

jest.setTimeout(60_000);

describe('the PGlite wire server', () => {
  let fixture: { url: string; stop(): void };
  let url: string;

  beforeAll(async () => {
    fixture = await startPgliteServer();
    url = fixture.url;
    const setup = await connect();
    await setup.query('CREATE TABLE t (id serial PRIMARY KEY, client int NOT NULL, n int NOT NULL)');
    await setup.end();
  });

  afterAll(() => {
    fixture?.stop();
  });

  const connect = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };

  it('keeps concurrent clients’ parameterised queries and transactions apart', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, connect));
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 10; i++) {
          await client.query('BEGIN');
          await client.query('INSERT INTO t (client, n) VALUES ($1, $2)', [c, i]);
          const { rows } = await client.query('SELECT count(*)::int AS k FROM t WHERE client = $1', [c]);
          expect(rows[0].k).toBe(i + 1);
          await client.query('COMMIT');
        }
      }),
    );
    const { rows } = await clients[0].query('SELECT client, count(*)::int AS k FROM t GROUP BY client ORDER BY client');
    expect(rows).toEqual(Array.from({ length: 8 }, (_, c) => ({ client: c, k: 10 })));
    await Promise.all(clients.map((c) => c.end()));
  });

  it('rolls back the transaction of a client that disconnects in the middle of it', async () => {
    const quitter = await connect();
    quitter.on('error', () => undefined);
    await quitter.query('BEGIN');
    await quitter.query('INSERT INTO t (client, n) VALUES (99, 0)');
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const other = await connect();
    const { rows } = await other.query('SELECT count(*)::int AS k FROM t WHERE client = 99');
    expect(rows[0].k).toBe(0);
    await other.end();
  });
});
