import { parentPort } from 'node:worker_threads';
import { readSaveBytes, type SaveReading } from './save-design-request';

/** One body to read, and its answer (save-design-reader.ts). */
export interface SaveThreadRequest {
  id: number;
  bytes: Uint8Array;
}
export type SaveThreadReply = { id: number; reading: SaveReading } | { id: number; error: string };

// A worker thread of the designs service: reads save bodies (JSON parse, text rule, schema, graph
// rules, serialising the graph) off the main thread.
parentPort?.on('message', ({ id, bytes }: SaveThreadRequest) => {
  let reply: SaveThreadReply;
  try {
    reply = { id, reading: readSaveBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
