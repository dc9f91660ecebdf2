import { runCli, useDesignFile } from './support/cli';
import { threeTier } from './support/designs';

function simulateJson(args: string[]): Record<string, any> {
  const run = runCli(['simulate', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('architech simulate --json', () => {
  const { files, design } = useDesignFile(threeTier);

  it('prints the engine result as one JSON document: summary, settings, series, traces, logs', () => {
    const result = simulateJson([design(), '--duration', '30']);
    const { endToEnd, components } = result.summary;
    expect(endToEnd.throughput).toBeGreaterThan(10);
    expect(endToEnd.errorRate).toBe(0);
    for (const key of ['mean', 'p50', 'p95', 'p99', 'max']) expect(endToEnd.latency[key]).toBeGreaterThan(0);
    expect(endToEnd.latency.p50).toBeLessThanOrEqual(endToEnd.latency.p99);
    expect(Object.keys(components)).toEqual(['users', 'lb', 'web', 'db']);
    expect(components.web).toEqual(
      expect.objectContaining({ type: 'SERVICE', arrivals: expect.any(Number), completions: expect.any(Number), utilization: expect.any(Number), meanQueueLength: expect.any(Number) }),
    );
    expect(components.web.utilization).toBeGreaterThan(0);
    expect(components.web.utilization).toBeLessThan(1);
    expect(result.settings).toEqual({ durationSec: 30, warmupSec: 0, warmupMode: 'fixed', seed: 1, bucketSec: 1 });
    expect(result.replications).toBe(1);
    expect(result.ci95).toBeUndefined();
    expect(result.timeseries.buckets).toBe(30);
    expect(Array.isArray(result.traces)).toBe(true);
    expect(result.events).toBeGreaterThan(0);
    expect(result.wallMs).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same document, wall time aside', () => {
    const strip = (result: Record<string, unknown>): Record<string, unknown> => ({ ...result, wallMs: 0 });
    const args = [design(), '--duration', '20', '--seed', '42'];
    const first = simulateJson(args);
    expect(strip(simulateJson(args))).toEqual(strip(first));
    expect(simulateJson([design(), '--duration', '20', '--seed', '43']).summary).not.toEqual(first.summary);
  });

  it('with replications adds 95% confidence half-widths mirroring the summary', () => {
    const result = simulateJson([design(), '--duration', '20', '--replications', '3']);
    expect(result.replications).toBe(3);
    expect(result.perReplication).toHaveLength(3);
    expect(result.ci95.endToEnd.throughput).toBeGreaterThan(0);
    expect(Object.keys(result.ci95.components)).toEqual(Object.keys(result.summary.components));
  });

  it('runs replications on several threads with --threads, with exactly the single-thread result', () => {
    const strip = (result: Record<string, unknown>): Record<string, unknown> => ({ ...result, wallMs: 0 });
    const args = [design(), '--duration', '20', '--replications', '4', '--warmup', 'auto', '--sample-rate', '0.2'];
    const oneThread = simulateJson([...args, '--threads', '1']);
    expect(oneThread.replications).toBe(4);
    expect(strip(simulateJson([...args, '--threads', '3']))).toEqual(strip(oneThread));
    const failed = runCli(['simulate', design(), '--duration', '30', '--replications', '3', '--threads', '2', '--max-events', '2000', '--json']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('architech: simulation failed: simulation exceeded its budget of 2000 events');
  });

  it('passes --warmup, --target-rel-error and --sample-rate through to the engine', () => {
    const result = simulateJson([design(), '--duration', '20', '--warmup', 'auto', '--target-rel-error', '0.5', '--max-replications', '4', '--sample-rate', '0']);
    expect(result.settings.warmupMode).toBe('auto');
    expect(result.stoppingRule.targetRelError).toBe(0.5);
    expect(result.replications).toBeLessThanOrEqual(4);
    expect(result.traces.every((trace: { reason: string }) => trace.reason !== 'sampled')).toBe(true);
  });

  it('drops the time series with --no-series', () => {
    const result = simulateJson([design(), '--duration', '10', '--no-series']);
    expect(result).not.toHaveProperty('timeseries');
    expect(result.summary.endToEnd.throughput).toBeGreaterThan(0);
  });

  it('injects the faults of a faults file: a crashed database makes requests fail', () => {
    const faults = files.write('crash.json', { faults: [{ type: 'crash', target: 'db', startSec: 5, durationSec: 10 }] });
    const result = simulateJson([design(), '--duration', '20', '--faults', faults]);
    expect(result.summary.endToEnd.errors).toBeGreaterThan(0);
    expect(result.summary.components.db.errors).toBeGreaterThan(0);
    expect(result.faults).toEqual([expect.objectContaining({ type: 'crash', target: 'db', startSec: 5, endSec: 15 })]);
  });

  it('exits with 1 and a message, not a stack, when the engine fails (event budget exceeded)', () => {
    const run = runCli(['simulate', design(), '--duration', '30', '--max-events', '500', '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('architech: simulation failed: simulation exceeded its budget of 500 events');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
