import { Client } from 'pg';
import { startPgliteServer } from './support/pglite-server';

/*
 * Interactive clients go before waiting telemetry ingestion at the single PGlite session (issue 13,
 * item 15): a page's query waits for the exchange in progress only, not for every queued batch.
 */

jest.setTimeout(60_000);

describe('turns at the PGlite session', () => {
  let fixture: { url: string; stop(): void };
  let url: string;

  beforeAll(async () => {
    fixture = await startPgliteServer();
    url = fixture.url;
  });

  afterAll(() => {
    fixture?.stop();
  });


  const connect = async (applicationName: string) => {
    const client = new Client({ connectionString: url, application_name: applicationName });
    await client.connect();
    return client;
  };

  it('serves a waiting interactive query before the telemetry batches queued ahead of it', async () => {
    const holder = await connect('architech-telemetry');
    const bulk = await Promise.all([1, 2, 3].map(() => connect('architech-telemetry')));
    const page = await connect('architech-projects');
    const order: string[] = [];
    await holder.query('BEGIN');
    // While the holder's transaction has the session, three batches and then one page query queue up.
    const batches = bulk.map((c, i) => c.query('SELECT pg_sleep(0.05)').then(() => order.push(`batch ${i + 1}`)));
    await new Promise((r) => setTimeout(r, 200));
    const read = page.query('SELECT 1').then(() => order.push('page'));
    await new Promise((r) => setTimeout(r, 200));
    await holder.query('COMMIT');
    await Promise.all([...batches, read]);
    expect(order[0]).toBe('page');
    expect(order.slice(1).sort()).toEqual(['batch 1', 'batch 2', 'batch 3']);
    await Promise.all([holder, ...bulk, page].map((c) => c.end()));
  });
});
