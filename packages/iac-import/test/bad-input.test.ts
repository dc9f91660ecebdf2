import { importInfrastructure, ImportFailure, IMPORT_LIMITS } from '../src';
import { parseHcl } from '../src/hcl-wasm';

async function refusal(files: { path: string; text: string }[], options = {}): Promise<ImportFailure> {
  try {
    await importInfrastructure(files, { hcl: parseHcl, ...options });
  } catch (e) {
    if (e instanceof ImportFailure) return e;
    throw e;
  }
  throw new Error('the import was accepted');
}

describe('bad input is refused with file:line and the reason', () => {
  it('broken YAML names the line and the parser message', async () => {
    const e = await refusal([{ path: 'docker-compose.yml', text: 'services:\n  api:\n    image: [unclosed\n  db:\n    image: postgres\n' }]);
    expect(e.code).toBe('parse_error');
    expect(e.message).toMatch(/^docker-compose\.yml:\d+: YAML: /);
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('broken HCL names the line from HashiCorp\'s parser', async () => {
    const e = await refusal([{ path: 'main.tf', text: 'resource "aws_lb" "a" {\n  name = "a"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = \n}\n' }]);
    expect(e).toMatchObject({ file: 'main.tf', line: 6, code: 'parse_error' });
    expect(e.reason).toContain('Invalid expression');
  });

  it('broken JSON CloudFormation names the line', async () => {
    const e = await refusal([{ path: 'stack.json', text: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", }\n  }\n}' }]);
    expect(e).toMatchObject({ file: 'stack.json', line: 4, code: 'parse_error' });
  });

  it('unknown kinds are kept as notes; a file of nothing but unknown kinds is refused', async () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';
    const e = await refusal([{ path: 'widgets.yaml', text }]);
    expect(e.code).toBe('nothing_importable');
    expect(e.message).toBe('widgets.yaml:1: nothing to simulate: 2 resource(s) read, none a service, database, cache, queue or load balancer (see the notes)');
  });

  it('a depends_on cycle is refused (compose refuses it too)', async () => {
    const text = 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n    depends_on: [a]\n';
    const e = await refusal([{ path: 'compose.yaml', text }]);
    expect(e).toMatchObject({ code: 'cycle', line: 4 });
    expect(e.reason).toBe('depends_on cycle a → b → a (compose refuses it too)');
  });

  it('empty files, unknown formats, mixed formats and oversize input', async () => {
    expect(await refusal([{ path: 'compose.yaml', text: '' }])).toMatchObject({ code: 'empty', line: 1 });
    expect(await refusal([{ path: 'docker-compose.yml', text: '# nothing\n' }])).toMatchObject({ code: 'empty' });
    expect(await refusal([])).toMatchObject({ code: 'empty' });
    expect(await refusal([{ path: 'notes.txt', text: 'hello' }])).toMatchObject({ code: 'unknown_format' });
    expect(await refusal([{ path: 'a.tf', text: 'resource "aws_lb" "a" {}' }, { path: 'b.yaml', text: 'services:\n  a: { image: x }\n' }])).toMatchObject({ code: 'unknown_format', file: 'b.yaml' });
    expect(await refusal([{ path: 'big.yaml', text: 'x'.repeat(IMPORT_LIMITS.maxFileChars + 1) }])).toMatchObject({ code: 'too_large' });
    expect(await refusal([{ path: 'stack.yaml', text: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Properties: {}\n' }])).toMatchObject({ code: 'invalid', line: 3 });
  });

  it('a forced format that does not fit says why', async () => {
    expect(await refusal([{ path: 'x.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\n' }], { format: 'compose' })).toMatchObject({ code: 'empty' });
  });
});
