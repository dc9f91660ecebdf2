import { readFileSync } from 'node:fs';
import { assertBuilt, runCli, scratchDir, STACK_LINE } from './support/cli';
import { overloaded, threeTier } from './support/designs';

/** threeTier with 2 database replicas and timeouts: nothing for the review to fail. */
function sound(): unknown {
  const design = threeTier() as { components: { id: string; properties: Record<string, unknown> }[] };
  for (const c of design.components) if (c.id === 'db') Object.assign(c.properties, { replicas: 2, timeoutMs: 1000 });
  for (const c of design.components) if (c.id === 'web' || c.id === 'lb') c.properties.timeoutMs = 2000;
  return design;
}

const goal = { hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: 400 }], run: { durationSec: 20, warmupSec: 5, replications: 1 } };

describe('architech review', () => {
  const files = scratchDir();
  beforeAll(assertBuilt);
  afterAll(() => files.remove());

  it('exits 1 with the failing finding, its remediation and evidence, grouped by domain', () => {
    const run = runCli(['review', files.write('three-tier.json', threeTier())]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^resilience:$/m);
    expect(run.stdout).toMatch(/FAIL \[critical\] single-point-of-failure \(db\)/);
    expect(run.stdout).toMatch(/fix: Run at least 2 replicas of db\./);
  });

  it('exits 0 when no finding fails, and prints JSON with --json', () => {
    const run = runCli(['review', files.write('sound.json', sound()), '--json']);
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout) as { outcome: string; counts: { fail: number }; findings: { rule: string }[] };
    expect(review.counts.fail).toBe(0);
    expect(review.findings.map((f) => f.rule)).toContain('retry-amplification');
  });

  it('judges a goal file with --checks and attaches simulation evidence with --simulate', () => {
    const run = runCli(['review', files.write('over.json', overloaded()), '--simulate', '--checks', files.write('goal.json', goal), '--json']);
    expect(run.status).toBe(1);
    const review = JSON.parse(run.stdout) as { simulated: boolean; findings: { rule: string; outcome: string; evidence: { kind: string }[] }[] };
    expect(review.simulated).toBe(true);
    expect(review.findings.find((f) => f.rule === 'goal')).toMatchObject({ outcome: 'fail' });
    expect(review.findings.find((f) => f.rule === 'single-point-of-failure')?.evidence.some((e) => e.kind === 'simulation')).toBe(true);
  });

  it('exits 2 on bad input without a stack trace', () => {
    const bad = runCli(['review', files.write('goal-bad.json', threeTier()), '--checks', files.write('bad-goal.json', { hypothesis: [] })]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad-goal\.json: hypothesis: /);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(runCli(['review']).status).toBe(2);
    expect(runCli(['review', files.write('x.json', { components: 3 })]).status).toBe(2);
  });
});

describe('architech optimize', () => {
  const files = scratchDir();
  beforeAll(assertBuilt);
  afterAll(() => files.remove());

  it('refines an overloaded design to an accepted one, writes it with -o, exit 0', () => {
    const out = files.write('improved.json', {});
    const run = runCli(['optimize', files.write('over.json', overloaded()), files.write('goal.json', goal), '-o', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { state: string; iterations: number; capacity: { before: number; after: number; analyticMinimum: number } };
    // 30 req/s × 50 ms = 1.5 busy workers: the minimum is 2 replicas; single-worker replicas (M/M/1)
    // wait no longer than their service time only at ρ ≤ 0.5: 3 replicas
    expect(result).toMatchObject({ state: 'accepted', iterations: 1, capacity: { before: 1, after: 3, analyticMinimum: 2 } });
    const improved = JSON.parse(readFileSync(out, 'utf8')) as { components: { id: string; properties: { replicas?: number } }[] };
    expect(improved.components.find((c) => c.id === 'slow')?.properties.replicas).toBe(3);
  });

  it('exits 1 when the goal cannot be met within the iteration limit', () => {
    const impossible = { ...goal, hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: 1 }], maxIterations: 2 };
    const run = runCli(['optimize', files.write('over2.json', overloaded()), files.write('impossible.json', impossible)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^STOPPED \(iteration_limit\) after 2 iterations/);
    expect(run.stderr).toMatch(/iteration 2: validating/);
  });

  it('exits 2 on a missing goal file or an invalid goal', () => {
    expect(runCli(['optimize', files.write('o.json', overloaded())]).status).toBe(2);
    const run = runCli(['optimize', files.write('o2.json', overloaded()), files.write('g.json', { hypothesis: [{ metric: 'nope', op: '<', value: 1 }] })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/g\.json: hypothesis\[0\]\.metric/);
  });
});
