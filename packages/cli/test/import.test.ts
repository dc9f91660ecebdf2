import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDesign } from '@architech/contracts';
import { assertBuilt, REPO_ROOT, runCli, scratchDir, STACK_LINE } from './support/cli';

const FIXTURES = 'packages/iac-import/test/fixtures';

describe('architech import', () => {
  const files = scratchDir();
  beforeAll(assertBuilt);
  afterAll(() => files.remove());

  it('imports a compose file into a design file and reports the assumptions with file:line', () => {
    const out = join(files.dir, 'shop.json');
    const run = runCli(['import', `${FIXTURES}/compose/shop.compose.yml`, '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^imported 11 components, 13 connections from 1 compose file\(s\); complexity medium; 10 resources\n/);
    expect(run.stdout).toContain(`assumption: ${FIXTURES}/compose/shop.compose.yml:23: api → payments: environment PAYMENTS_URL names payments`);
    expect(run.stdout).toContain(`wrote ${out}`);
    expect(validateDesign(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
  });

  it('--json prints { design, assumptions, metadata } for a folder of Kubernetes manifests', () => {
    const run = runCli(['import', `${FIXTURES}/k8s-shop`, '--json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.metadata).toMatchObject({ originalFormat: 'k8s', files: [`${FIXTURES}/k8s-shop/base.yaml`, `${FIXTURES}/k8s-shop/overlay-prod.yaml`] });
    expect(doc.assumptions[0]).toEqual({ message: expect.any(String), file: expect.any(String), line: expect.any(Number) });
    expect(validateDesign(doc.design).ok).toBe(true);
  });

  it('reads Terraform through the WebAssembly HCL parser and refuses broken HCL at its line', () => {
    expect(runCli(['import', `${FIXTURES}/terraform-aws`, '--format', 'terraform', '--json']).status).toBe(0);
    const bad = files.write('main.tf', 'resource "aws_sqs_queue" "q" {\n  name = \n}\n');
    const run = runCli(['import', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^architech: cannot import: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: HCL: Invalid expression`));
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('exit 2 naming file:line for broken YAML, a missing path or a bad --format', () => {
    const broken = files.write('compose.yaml', 'services:\n  a:\n    image: [x\n');
    const run = runCli(['import', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${broken}:4: YAML:`);
    expect(runCli(['import', 'no/such/dir']).stderr).toBe("architech: cannot read 'no/such/dir': no such file or folder\n");
    expect(runCli(['import', 'k8s', '--format', 'helm']).status).toBe(2);
  });
});

describe('architech import-faults', () => {
  const files = scratchDir();
  beforeAll(assertBuilt);
  afterAll(() => files.remove());

  it('maps a Chaos Mesh experiment onto an imported design, ready for simulate --faults', () => {
    const design = join(files.dir, 'shop.json');
    expect(runCli(['import', `${FIXTURES}/compose`, '-o', design]).status).toBe(0);
    const faults = join(files.dir, 'faults.json');
    const run = runCli(['import-faults', `${FIXTURES}/chaos/chaos-mesh.yaml`, '--design', design, '-o', faults]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^chaos-mesh: 4 fault\(s\), 2 not expressible; suggested run: --duration 210\n/);
    expect(JSON.parse(readFileSync(faults, 'utf8')).faults).toHaveLength(4);
    const sim = runCli(['validate', design, '--faults', faults]);
    expect(sim.stdout).toBe('ok: 11 components, 13 connections, 4 faults\n');
  });

  it('requires --design and refuses a file that is no experiment', () => {
    expect(runCli(['import-faults', `${FIXTURES}/chaos/fis.json`]).status).toBe(2);
    const design = join(files.dir, 'd.json');
    runCli(['import', `${FIXTURES}/compose`, '-o', design]);
    const run = runCli(['import-faults', join(REPO_ROOT, 'docker-compose.yml'), '--design', design]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('docker-compose.yml:1: no Chaos Mesh, Litmus ChaosEngine or AWS FIS experiment found');
  });
});
