import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { DEFAULTS, formatDefault, renderDefaultsTable, type Defaults } from '@architech/contracts';

/*
 * Formats defined once (docs/architecture.md §4): the engine's input and output types are the
 * contracts' (one type-equality check, tools/formats/engine-types.check.ts), and the defaults of
 * docs/engine.md are the contracts' DEFAULTS: its "Defaults" table is rendered from them
 * (`UPDATE_DOCS=1 npx jest tools/test/formats.test.ts` rewrites it) and every default column of
 * its reference tables agrees with them.
 */

const root = join(__dirname, '..', '..');
const checkFile = join(root, 'tools/formats/engine-types.check.ts');
const engineDoc = join(root, 'docs/engine.md');

/** Type errors of the check file, compiled against the built packages (`npm run build` first), optionally with `extra` appended. */
function typeErrors(extra = ''): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === checkFile ? ts.createSourceFile(name, readFileSync(checkFile, 'utf8') + extra, version) : read(name, version, ...rest);
  const program = ts.createProgram([checkFile], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("the engine's types", () => {
  it("are exactly the contracts' formats, in and out", () => {
    expect(typeErrors()).toEqual([]);
  }, 120_000);

  it('fail the check as soon as one differs (the check can fail)', () => {
    const errors = typeErrors("\nexport type Broken = Assert<Equal<Span, Omit<SpanDto, 'name'>>>;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Type 'false' does not satisfy the constraint 'true'/);
  }, 120_000);
});

const BEGIN = '<!-- defaults:begin (generated from DEFAULTS in packages/contracts/src/defaults.ts) -->';
const END = '<!-- defaults:end -->';

describe('the defaults in docs/engine.md', () => {
  it('show exactly what DEFAULTS renders', () => {
    const doc = readFileSync(engineDoc, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect([start >= 0, end > start]).toEqual([true, true]);
    const rendered = `${doc.slice(0, start + BEGIN.length)}\n${renderDefaultsTable()}\n${doc.slice(end)}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(engineDoc, rendered);
    expect(doc).toBe(rendered);
  });

  /** Reference sections of docs/engine.md and the DEFAULTS groups their tables list (with the field prefix the rows use). */
  const SECTIONS: [heading: string, groups: [keyof Defaults, string][]][] = [
    ['### SERVICE, DATABASE and CACHE properties', [['station', '']]],
    ['### LOAD_BALANCER properties', [['loadBalancer', '']]],
    ['### QUEUE properties', [['queue', '']]],
    ['### Connection properties', [['connection', '']]],
    ['### Retry policy', [['retry', '']]],
    ['### Circuit breaker policy', [['circuitBreaker', '']]],
    ['### Autoscaling policy', [['autoscaling', '']]],
    ['### Serverless policy', [['serverless', '']]],
    ['### Rate limit', []],
    ['### Simulation configuration', [['simulation', ''], ['tracing', 'tracing.'], ['workload', 'workload.']]],
  ];

  it.each(SECTIONS)('agree with DEFAULTS in the default column of "%s"', (heading, groups) => {
    const doc = readFileSync(engineDoc, 'utf8');
    const at = doc.indexOf(heading);
    expect(at).toBeGreaterThanOrEqual(0);
    const next = doc.slice(at + heading.length).search(/\n##+ /);
    const section = doc.slice(at, next < 0 ? undefined : at + heading.length + next);
    const cells = new Map<string, string>();
    for (const line of section.split('\n')) {
      const row = /^\| `([^`]+)` \| [^|]*(?:\\\|[^|]*)* \| ([^|]+) \|/.exec(line);
      if (row) cells.set(row[1]!, row[2]!.trim());
    }
    for (const [group, prefix] of groups) {
      for (const [field, value] of Object.entries(DEFAULTS[group])) {
        expect([`${prefix}${field}`, cells.get(`${prefix}${field}`)]).toEqual([`${prefix}${field}`, formatDefault(value)]);
      }
    }
  });
});
