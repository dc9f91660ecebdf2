import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, REPO_ROOT, runCli } from './support/cli';

describe('architech help and version', () => {
  beforeAll(assertBuilt);

  it('--help lists the commands and documents the exit codes', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('architech simulate <design.json>');
    expect(run.stdout).toContain('architech validate <design.json>');
    expect(run.stdout).toMatch(/Exit codes:\n +0 +success\n +1 .*\n +2 .*\n +130 +cancelled/);
  });

  it('each command has its own --help, even on an otherwise broken command line', () => {
    const simulate = runCli(['simulate', '--bogus', '--help']);
    expect(simulate.status).toBe(0);
    for (const flag of ['--duration', '--warmup', '--seed', '--replications', '--target-rel-error', '--max-replications', '--threads', '--faults', '--sample-rate', '--json', '--no-series']) {
      expect(simulate.stdout).toContain(flag);
    }
    expect(runCli(['help', 'validate']).stdout).toBe(runCli(['validate', '-h']).stdout);
    expect(runCli(['validate', '--help']).stdout).toContain('--faults FILE');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8'));
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});
