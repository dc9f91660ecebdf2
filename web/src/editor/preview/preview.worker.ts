/*
 * The instant preview's worker: runs the engine off the main thread so typing never stutters. One
 * request at a time, synchronously; the page terminates the worker to stop a run (preview-runner.ts).
 */
// First: the CSP forbids eval, so zod must be told before any schema exists.
import '../../api/no-eval';
import { runHosted } from '@architech/sim-engine';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { generation, design, config } = event.data;
  runHosted(design, config, {}, {
    clock: () => performance.now(),
    cancelled: () => false,
    post: (message) => {
      let response: PreviewResponse;
      if (message.kind === 'done') response = { generation, ok: true, summary: message.result.summary, events: message.result.events, wallMs: message.result.wallMs };
      else if (message.kind === 'failed') response = { generation, ok: false, code: message.code, message: message.message };
      else return;
      self.postMessage(response);
    },
  });
});
