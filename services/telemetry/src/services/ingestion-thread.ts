/*
 * The telemetry ingestion thread: decodes bus batches and writes them to the Postgres-backed
 * stores over a pool of its own, so neither the decoding, nor building the rows, nor serialising
 * the statements runs on the event loop that answers the API's requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '@architech/service-kit/thread-priority';
import { PostgresMetricStore, PostgresTraceStore } from '@architech/service-kit';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { StoreWriter, type BatchKind } from './telemetry-writer';
import type { IngestionReply, IngestionThreadData } from './threaded-writer';

const { databaseUrl, schema, poolSize, nice } = workerData as IngestionThreadData;
// Bulk work: the API's event loop goes first on a contended core.
lowerThreadPriority(nice);
// `architech-telemetry`: the embedded database serves this application's sessions as bulk work.
const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize, applicationName: 'architech-telemetry' });
const ready = dataSource.initialize().then(() => {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return new StoreWriter(new PostgresMetricStore({ pool, schema }), new PostgresTraceStore({ pool, schema }));
});

parentPort!.on('message', (message: { id: number; kind: BatchKind; bytes: Uint8Array } | { id: number; kind: 'close' }) => {
  const reply = (r: IngestionReply) => parentPort!.postMessage(r);
  if (message.kind === 'close') {
    void ready.then(() => dataSource.destroy()).finally(() => reply({ id: message.id }));
    return;
  }
  ready.then((writer) => writer.write(message.kind, message.bytes)).then(
    () => reply({ id: message.id }),
    (error: Error) => reply({ id: message.id, error: { name: error.name, message: error.message } }),
  );
});
