import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from './support/processes';

/*
 * Telemetry ingestion on a thread of its own (issue 13 item 15): batches are decoded and stored
 * there, an undecodable batch still comes back as UndecodableMessageError (so the bus skips it
 * instead of retrying forever), and the thread's writes are the stores' writes. Run in a plain
 * Node process: the built thread script is what the service starts.
 */

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');

function run(databaseUrl: string): { undecodable: { name: string; message: string }; points: number; spans: number; logs: number; isThreaded: boolean } {
  const script = `
    const kit = require(${JSON.stringify(join(ROOT, 'packages/service-kit/dist/index.js'))});
    const contracts = require(${JSON.stringify(join(ROOT, 'packages/contracts/dist/index.js'))});
    const { TELEMETRY_MIGRATIONS } = require(${JSON.stringify(join(ROOT, 'services/telemetry/dist/index.js'))});
    const { ThreadedWriter, ingestionThreadAvailable } = require(${JSON.stringify(join(ROOT, 'services/telemetry/dist/services/threaded-writer.js'))});
    (async () => {
      const url = ${JSON.stringify(databaseUrl)};
      const ds = await kit.openServiceDatabase({ databaseUrl: url, dataDir: '', schema: 'telemetry', entities: [], migrations: TELEMETRY_MIGRATIONS });
      const writer = new ThreadedWriter({ databaseUrl: url, schema: 'telemetry', poolSize: 2, nice: 0 });
      const sim = '00000000-0000-4000-8000-0000000000cc';
      const undecodable = await writer.write('metrics', new Uint8Array([0xff, 0xff, 0xff, 0x07])).then(() => null, (e) => ({ name: e.name, message: e.message }));
      const series = Array.from({ length: 10 }, (_, s) => ({ componentId: 'c' + s, componentType: 'SERVICE', metric: 'throughput', startSec: 0, values: Array.from({ length: 600 }, (_, i) => i) }));
      await writer.write('metrics', contracts.encodeMetricBatch({ simulationId: sim, batchId: sim + ':0', bucketSec: 1, series }));
      const spans = [{ traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), parentSpanId: null, name: 'GET', kind: 'SERVER', componentId: 'c0', componentType: 'SERVICE', startMs: 1, endMs: 5, durationMs: 4, status: { code: 'OK' }, attributes: {} }];
      await writer.write('spans', contracts.encodeSpanBatch({ simulationId: sim, batchId: sim + ':s0', traces: [{ traceId: 'ab'.repeat(16), rootComponentId: 'c0', startMs: 1, durationMs: 4, status: 'OK', reason: 'sampled', spans }] }));
      await writer.write('logs', contracts.encodeLogBatch({ simulationId: sim, batchId: sim + ':l0', records: [{ id: '0', timeMs: 1, level: 'info', event: 'start', componentId: null, message: 'hello' }] }));
      const count = async (table) => Number((await ds.query('SELECT count(*) AS n FROM telemetry.' + table))[0].n);
      const out = { undecodable, points: Number((await ds.query('SELECT coalesce(sum(points), 0) AS n FROM telemetry.metric_chunks'))[0].n), spans: await count('spans'), logs: await count('logs'), isThreaded: ingestionThreadAvailable() };
      await writer.close();
      await ds.destroy();
      process.stdout.write(JSON.stringify(out));
    })().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('the telemetry ingestion thread', () => {
  it('stores metric, span and log batches, and reports an undecodable batch as such', async () => {
    const database = await createTestDatabase('ingestion_thread');
    try {
      const out = run(database.url);
      expect(out.isThreaded).toBe(true);
      expect(out.undecodable).toMatchObject({ name: 'UndecodableMessageError', message: expect.stringMatching(/metric batch .* does not decode/) });
      expect(out).toMatchObject({ points: 6000, spans: 1, logs: 1 });
    } finally {
      await database.drop();
    }
  });
});
