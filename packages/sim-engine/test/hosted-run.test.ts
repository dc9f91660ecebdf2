import type { EngineMessage } from '../src';
import { chain, client, runConfig, runHosted, service } from './fixtures';

/* The one runner every host (CLI worker, service engine thread, browser preview worker) uses. */

const design = chain([client('users', 200), service('api', { serviceTime: { dist: 'exponential', mean: 2 } })]);

function host(options: { cancelAfterPolls?: number; tickMs?: number } = {}) {
  const messages: EngineMessage[] = [];
  let now = 0;
  let polls = 0;
  return {
    messages,
    clock: () => (now += options.tickMs ?? 1),
    cancelled: () => options.cancelAfterPolls !== undefined && ++polls > options.cancelAfterPolls,
    post: (message: EngineMessage) => messages.push(message),
  };
}

describe('a hosted run', () => {
  it('reports throttled progress, batched live series, then the result', () => {
    const h = host({ tickMs: 7 });
    runHosted(design, runConfig({ durationSec: 300 }), { progressEveryMs: 50, seriesEveryMs: 100 }, h);
    const kinds = h.messages.map((m) => m.kind);
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.filter((k) => k === 'progress').length).toBeGreaterThan(1);
    const progress = h.messages.flatMap((m) => (m.kind === 'progress' ? [m.progress.fraction] : []));
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // Every bucket of the first replication arrives once, in order, in batches.
    const buckets = h.messages.flatMap((m) => (m.kind === 'series' ? m.buckets.map((b) => b.index) : []));
    expect(buckets).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(h.messages.filter((m) => m.kind === 'series').length).toBeLessThan(300);
    const done = h.messages.at(-1) as Extract<EngineMessage, { kind: 'done' }>;
    expect(done.result.summary.endToEnd.requests).toBeGreaterThan(50_000);
  });

  it('sends neither progress nor series unless asked', () => {
    const h = host();
    runHosted(design, runConfig({ durationSec: 30 }), {}, h);
    expect(h.messages.map((m) => m.kind)).toEqual(['done']);
  });

  it('ends with cancelled when the host says so, and failed with the engine error code', () => {
    const cancelled = host({ cancelAfterPolls: 1 });
    runHosted(design, runConfig({ durationSec: 3000 }), {}, cancelled);
    expect(cancelled.messages).toEqual([{ kind: 'cancelled' }]);
    const failed = host();
    runHosted(design, runConfig({ durationSec: 3000, maxEvents: 1000 }), {}, failed);
    expect(failed.messages).toEqual([{ kind: 'failed', code: 'event_budget_exceeded', message: expect.stringContaining('budget of 1000 events') }]);
  });
});
