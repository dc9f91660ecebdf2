/*
 * The instant preview's worker: runs the engine off the main thread so typing never stutters. One
 * request at a time, synchronously; the page terminates the worker to stop a run (preview-runner.ts).
 */
// First: the CSP forbids eval, so zod must be told before any schema exists.
import '../../api/no-eval';
import { simulate } from '@architech/sim-engine';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { generation, design, config } = event.data;
  let response: PreviewResponse;
  try {
    const result = simulate(design, config, { clock: () => performance.now() });
    response = { generation, ok: true, summary: result.summary, events: result.events, wallMs: result.wallMs };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'engine_error';
    response = { generation, ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
});
