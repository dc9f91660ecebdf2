import { interruptCli, runCli, useDesignFile } from './support/cli';
import { overloaded, threeTier, withUnreachable } from './support/designs';

describe('architech simulate (summary)', () => {
  const { files, design } = useDesignFile(threeTier);

  it('prints a header, the end-to-end figures and one table row per component', () => {
    const run = runCli(['simulate', design(), '--duration', '30', '--seed', '7']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toMatch(new RegExp(`^Simulated .*design\\.json for 30 s · warm-up 0 s · seed 7 · 1 replication\\n[\\d,]+ events in .* \\([\\d,]+ events/s\\)`));
    expect(out).toMatch(/throughput +\d+\.\d\d req\/s/);
    expect(out).toMatch(/error rate +0\.00 %/);
    expect(out).toMatch(/latency ms +mean +p50 +p95 +p99 +max/);
    const header = out.split('\n').find((line) => line.includes('arrivals'))!;
    for (const column of ['id', 'type', 'completions', 'errors', 'drops', 'timeouts', 'rejected', 'req/s', 'util %', 'queue', 'p50 ms', 'p99 ms']) expect(header).toContain(column);
    for (const [id, type] of [['users', 'CLIENT'], ['lb', 'LOAD_BALANCER'], ['web', 'SERVICE'], ['db', 'DATABASE']]) {
      expect(out).toMatch(new RegExp(`^  ${id} +${type} +[\\d,]+ +[\\d,]+ +0 +0 +0 +0 +\\d+\\.\\d\\d`, 'm'));
    }
    expect(out).toContain('Faults: none');
    expect(out).toMatch(/Kept \d+ traces? and \d+ log records?/);
  });

  it('shows ± half-widths with replications', () => {
    const run = runCli(['simulate', design(), '--duration', '20', '--replications', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('· 3 replications');
    expect(run.stdout).toMatch(/throughput +[\d.]+ ± [\d.]+ req\/s/);
    expect(run.stdout).toMatch(/95% CI ± +[\d.]+/);
  });

  it('marks a component whose utilization reaches 99% as overloaded', () => {
    const run = runCli(['simulate', files.write('overloaded.json', overloaded()), '--duration', '30']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}slow +SERVICE .* OVERLOADED$/m);
    expect(run.stdout).toContain('OVERLOADED: utilization ≥ 99%');
    expect(run.stdout).not.toMatch(/^ {2}users .*OVERLOADED/m);
  });

  it('lists fault windows with their parameters', () => {
    const faults = files.write('faults.json', [
      { type: 'crash', target: 'db', startSec: 5, durationSec: 5 },
      { type: 'latency', target: 'web-db', startSec: 12, delayMs: 30 },
    ]);
    const run = runCli(['simulate', design(), '--duration', '20', '--faults', faults]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}crash +db +5 s → 10 s/m);
    expect(run.stdout).toMatch(/^ {2}latency +web-db +12 s → 20 s +delayMs=30$/m);
    expect(run.stdout).toMatch(/^ {2}db +DATABASE +[\d,]+ +[\d,]+ +[1-9][\d,]*/m);
  });

  it('prints validation warnings on stderr, prefixed warning:, and still runs', () => {
    const faults = files.write('late.json', [{ type: 'crash', target: 'db', startSec: 100 }]);
    const run = runCli(['simulate', files.write('orphan.json', withUnreachable()), '--duration', '10', '--faults', faults, '--json', '--no-series']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*orphan\.json: components\[4\]: no CLIENT sends requests to 'orphan'/m);
    expect(run.stderr).toMatch(/^warning: .*late\.json: faults\[0\]\.startSec: the fault starts at 100s, after the run ends/m);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it('stops on Ctrl+C, prints cancelled and exits with 130', async () => {
    const heavy = files.write('heavy.json', threeTier(5000));
    // Ctrl+C before the CLI has loaded (a slow, loaded machine) ends it like any process (status
    // null): try again later; once the run has started, it must stop with 130.
    let run = await interruptCli(['simulate', heavy, '--duration', '86400'], 1500);
    for (let wait = 3000; run.status === null && wait <= 12_000; wait *= 2) run = await interruptCli(['simulate', heavy, '--duration', '86400'], wait);
    expect(run.status).toBe(130);
    expect(run.stderr).toBe('cancelled\n');
    expect(run.stdout).toBe('');
  }, 90_000);
});
