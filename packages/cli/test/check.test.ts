import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { runCli, scratchDir, STACK_LINE, assertBuilt } from './support/cli';

/** 50 requests a second through an api to a db; constant service times, so p99 is a few ms. */
const design = (process: 'constant' | 'poisson') => ({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process, ratePerSec: 50 } }, position: { x: 0, y: 0 } },
    { id: 'api', type: 'SERVICE', properties: { workers: 8, serviceTime: { dist: 'constant', value: 5 } }, position: { x: 1, y: 0 } },
    { id: 'db', type: 'DATABASE', properties: { workers: 8, serviceTime: { dist: 'constant', value: 3 } }, position: { x: 2, y: 0 } },
  ],
  connections: [
    { id: 'users-api', source: 'users', target: 'api' },
    { id: 'api-db', source: 'api', target: 'db' },
  ],
});
const scenario = { durationSec: 30, replications: 3 };
const checks = {
  requirements: [
    { id: 'REQ-0001', statement: 'p99 under 100 ms, no errors', scenario, criteria: [{ metric: 'latencyP99Ms', op: '<', value: 100 }, { metric: 'errorRate', op: '<', value: 0.01 }, { metric: 'utilization', component: 'db', op: '<', value: 0.5 }] },
    { id: 'REQ-0002', statement: 'p99 under 1 ms', scenario, criteria: [{ metric: 'latencyP99Ms', op: '<', value: 1 }] },
    // Poisson arrivals at 50/s: the mean throughput sits on 50 and its interval straddles it.
    { id: 'REQ-0003', statement: 'serves 50 req/s', scenario, criteria: [{ metric: 'throughputPerSec', op: '>=', value: 50 }] },
    {
      id: 'REQ-0004',
      statement: 'survives a db crash, back within a second',
      scenario: { ...scenario, durationSec: 60, faults: [{ type: 'crash', target: 'db', startSec: 20, durationSec: 10 }] },
      criteria: [{ metric: 'recoverySec', op: '<=', value: 1 }, { metric: 'errorRate', op: '<', value: 0.01, window: 'after-fault' }],
    },
  ],
};

jest.setTimeout(60_000);

describe('architech check', () => {
  const files = scratchDir();
  let designFile = '';
  let poissonFile = '';
  let checksFile = '';
  beforeAll(() => {
    assertBuilt();
    designFile = files.write('design.json', design('constant'));
    poissonFile = files.write('poisson.json', design('poisson'));
    checksFile = files.write('checks.json', checks);
  });
  afterAll(() => files.remove());

  it('exits 0 and prints a table when every requirement passes', () => {
    const run = runCli(['check', designFile, checksFile, '--only', 'REQ-0001,REQ-0004']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/REQ-0001\s+p99 < 100 ms\s+[\d.]+ ms ± [\d.]+\s+PASS/);
    expect(run.stdout).toMatch(/db utilization < 50%\s+[\d.]+% ± [\d.]+%\s+PASS/);
    expect(run.stdout).toMatch(/REQ-0004\s+recoverySec <= 1 s\s+0 s ± 0\s+PASS/);
    expect(run.stdout).toContain('PASSED: 2 passed, 0 failed, 0 inconclusive');
  });

  it('exits 1 when one fails, and writes JUnit XML that validates against the JUnit schema', async () => {
    const junit = join(files.dir, 'report.xml');
    const run = runCli(['check', designFile, checksFile, '--only', 'REQ-0001', '--only', 'REQ-0002', '--junit', junit]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/REQ-0002\s+p99 < 1 ms\s+[\d.]+ ms ± [\d.]+\s+FAIL/);
    const xml = readFileSync(junit, 'utf8');
    const schema = readFileSync(join(__dirname, 'support/junit.xsd'), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toMatch(/<testsuite name="[^"]+" tests="2" failures="1" errors="0" skipped="0"/);
    expect(xml).toMatch(/<testcase name="REQ-0002: p99 under 1 ms"[^>]*>\s*<failure type="requirement_failed" message="p99 &lt; 1 ms \(measured [\d.]+ ms ± [\d.]+\)">/);
    // A broken report is caught: the check is not vacuous.
    const broken = await validateXML({ xml: [{ fileName: 'b.xml', contents: xml.replace(/(<testsuite name="[^"]+") tests="2"/, '$1') }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
    expect(broken.valid).toBe(false);
  });

  it('exits 3 when none fails but some are inconclusive, saying how many replications would settle it', () => {
    const run = runCli(['check', poissonFile, checksFile, '--only', 'REQ-0003', '--json']);
    expect(run.status).toBe(3);
    const out = JSON.parse(run.stdout) as { verdict: string; evidence: { verdict: string; seeds: number[]; criteria: { verdict: string; mean: number; halfWidth: number; replicationsNeeded: number | null }[] }[] };
    expect(out.verdict).toBe('inconclusive');
    expect(out.evidence[0].seeds).toEqual([1, 2, 3]);
    const c = out.evidence[0].criteria[0];
    expect(c.verdict).toBe('inconclusive');
    expect(Math.abs(c.mean - 50)).toBeLessThan(c.halfWidth);
    expect(c.replicationsNeeded === null || c.replicationsNeeded > 3).toBe(true);
  });

  it('reads YAML checks files', () => {
    const yaml = files.write('checks.yaml', `requirements:\n  - id: REQ-0009\n    statement: fast\n    scenario: { durationSec: 20, replications: 2 }\n    criteria:\n      - { metric: latencyP99Ms, op: "<", value: 100 }\n`);
    const run = runCli(['check', designFile, yaml]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('REQ-0009');
  });

  describe('bad input: exit 2, the file and the field named, no stack trace', () => {
    const expectInputError = (args: string[], culprit: RegExp) => {
      const run = runCli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(culprit);
      expect(run.stderr).not.toMatch(STACK_LINE);
    };

    it('names the field of an invalid requirement', () => {
      const bad = files.write('bad.json', { requirements: [{ ...checks.requirements[0], id: 'REQ-1', criteria: [{ metric: 'utilization', component: 'cache', op: '<', value: 1 }] }] });
      expectInputError(['check', designFile, bad], /bad\.json: requirements\[0\]\.id: a requirement id is REQ-/);
      const unknown = files.write('unknown.json', { requirements: [{ ...checks.requirements[0], criteria: [{ metric: 'utilization', component: 'cache', op: '<', value: 1 }] }] });
      expectInputError(['check', designFile, unknown], /unknown\.json: requirements\[0\]\.criteria\[0\]\.component: the design has no component 'cache'/);
    });

    it('locates a YAML syntax error', () => {
      expectInputError(['check', designFile, files.write('broken.yml', 'requirements:\n  - id: [\n')], /checks file is not valid YAML: .*broken\.yml:\d+:\d+/);
    });

    it('refuses an unknown --only id, a missing file and a half server mode', () => {
      expectInputError(['check', designFile, checksFile, '--only', 'REQ-0404'], /--only: .*checks\.json has no requirement REQ-0404/);
      expectInputError(['check', designFile, checksFile, '--only', 'nope'], /--only expects requirement ids/);
      expectInputError(['check', designFile], /missing the checks file/);
      expectInputError(['check', designFile, join(files.dir, 'none.yaml')], /cannot read checks file '.*none\.yaml': no such file/);
      expectInputError(['check', '--server', 'http://127.0.0.1:9'], /--server and --design go together/);
      expectInputError(['check', '--server', 'http://127.0.0.1:9', '--design', 'x'], /cannot reach http:\/\/127\.0\.0\.1:9\/api\/designs\/x\/checks/);
    });
  });
});
