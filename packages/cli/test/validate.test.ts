import { assertBuilt, runCli, scratchDir, STACK_LINE } from './support/cli';
import { threeTier, withUnreachable } from './support/designs';

describe('architech validate', () => {
  const files = scratchDir();
  beforeAll(assertBuilt);
  afterAll(() => files.remove());

  it('accepts a valid design, counting its components and connections, with exit code 0', () => {
    const run = runCli(['validate', files.write('design.json', threeTier())]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ok: 4 components, 3 connections\n');
    expect(run.stderr).toBe('');
  });

  it('lists every schema issue as file: path: message with exit code 2', () => {
    const design = threeTier() as { components: { properties: Record<string, unknown> }[] };
    design.components[2].properties.serviceTime = { dist: 'exponential', mean: -5 };
    design.components[3].properties.workers = 0;
    const file = files.write('invalid.json', design);
    const run = runCli(['validate', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: components[2].properties.serviceTime.mean: Too small`);
    expect(run.stderr).toContain(`${file}: components[3].properties.workers: Too small`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
  });

  it('reports graph errors such as a dangling connection', () => {
    const design = threeTier() as { connections: { target: string }[] };
    design.connections[2].target = 'nowhere';
    const run = runCli(['validate', files.write('dangling.json', design)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("connections[2].target: no component has id 'nowhere'");
  });

  it('prints warnings, such as an unreachable component, without failing', () => {
    const run = runCli(['validate', files.write('orphan.json', withUnreachable())]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*orphan\.json: components\[4\]: no CLIENT sends requests to 'orphan'/m);
  });

  it('checks a faults file against the design', () => {
    const design = files.write('design.json', threeTier());
    const good = files.write('faults.json', [{ type: 'crash', target: 'db', startSec: 10, durationSec: 5 }]);
    expect(runCli(['validate', design, '--faults', good]).stdout).toBe('ok: 4 components, 3 connections, 1 fault\n');
    const bad = files.write('bad-faults.json', { faults: [{ type: 'crash', target: 'users-lb', startSec: 10 }] });
    const run = runCli(['validate', design, '--faults', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad}: faults[0].target: a crash fault targets a component, and 'users-lb' is a connection`);
  });

  it('with --json prints { ok, issues, warnings } and keeps the exit code', () => {
    const design = threeTier() as { components: { properties: Record<string, unknown> }[] };
    design.components[2].properties.replicas = 0;
    const file = files.write('json.json', design);
    const run = runCli(['validate', file, '--json']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ file, path: 'components[2].properties.replicas', code: 'too_small' })]);
    expect(report.warnings).toEqual([]);

    const ok = JSON.parse(runCli(['validate', files.write('ok.json', threeTier()), '--json']).stdout);
    expect(ok).toEqual({ ok: true, issues: [], warnings: [] });
  });

  it('refuses faults written into a design file, saying where they belong', () => {
    const run = runCli(['validate', files.write('with-faults.json', { ...(threeTier() as object), faults: [] })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('faults: faults belong to a run, not to a design file; put them in a file passed with --faults');
  });
});
