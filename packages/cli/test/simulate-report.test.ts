import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, STACK_LINE, useDesignFile } from './support/cli';
import { threeTier } from './support/designs';

/*
 * `architech simulate … --report FILE` (docs/reports.md): the run report as one self-contained
 * HTML file — verdict, figures with confidence intervals, charts with the fault window, trace
 * waterfalls and the command that reproduces the run; an unwritable path is exit 2 before the run.
 */

describe('architech simulate --report', () => {
  const { files, design } = useDesignFile(threeTier);

  it('writes a self-contained HTML report of the run, with the command that reproduces it', () => {
    const faults = files.write('faults.json', [{ type: 'crash', target: 'db', startSec: 5, durationSec: 4 }]);
    const report = join(files.dir, 'report.html');
    const run = runCli(['simulate', design(), '--duration', '20', '--seed', '5', '--replications', '3', '--faults', faults, '--report', report]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`report written to ${report}\n`);
    expect(run.stdout).toContain('End to end'); // the summary still goes to stdout
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Run report — design.json');
    expect(html).toContain('No hypothesis.');
    expect(html).toMatch(/Throughput<\/th><td class="n">[\d.\u2009]+ req\/s <span class="ci">± [\d.]+ req\/s<\/span>/);
    expect(html).toContain('crash db');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain(`architech simulate ${design()} --duration 20 --warmup 0 --seed 5 --replications 3 --sample-rate 0.01 --faults ${faults} --report ${report}`);
    expect(html).toMatch(/sha256:[0-9a-f]{64}/);
    expect(html).toContain('<code>0.1.0</code>');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|url\(/i);
  });

  it('leaves the series out of --json --no-series even though the report needs them', () => {
    const report = join(files.dir, 'json-report.html');
    const run = runCli(['simulate', design(), '--duration', '10', '--json', '--no-series', '--report', report]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).timeseries).toBeUndefined();
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  });

  it('refuses a path it cannot write with a message and exit 2, before running', () => {
    const missing = runCli(['simulate', design(), '--report', join(files.dir, 'no-such-dir', 'r.html')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^architech: cannot write report file '.*no-such-dir\/r\.html': no such directory '.*no-such-dir'\n$/);
    expect(missing.stdout).toBe('');
    const dir = runCli(['simulate', design(), '--report', files.dir]);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toContain('it is a directory');
    if (process.getuid?.() !== 0) {
      const locked = join(files.dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const denied = runCli(['simulate', design(), '--report', join(locked, 'r.html')]);
      expect(denied.status).toBe(2);
      expect(denied.stderr).toContain('permission denied');
    }
    const empty = runCli(['simulate', design(), '--report', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--report expects a file name');
    for (const run of [missing, dir, empty]) expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(files.dir, 'no-such-dir'))).toBe(false);
  });
});
