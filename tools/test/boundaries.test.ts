import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The import table (tools/boundaries/table.cjs) fails the build: lint a probe for every forbidden
 * edge and expect each to be reported, every allowed edge to pass, and docs/architecture.md to show
 * exactly the table lint enforces.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WORKSPACES, renderMarkdownTable } = require('../boundaries/table.cjs') as {
  WORKSPACES: { name: string; dir: string; mayImport: string[]; banned?: string[] }[];
  renderMarkdownTable(): string;
};

const root = join(__dirname, '..', '..');

interface Probe {
  filePath: string;
  code: string;
  messages?: string[];
}

function lint(probes: Probe[]): Required<Probe>[] {
  const out = execFileSync(process.execPath, [join(root, 'tools/boundaries/lint-probes.mjs')], { cwd: root, input: JSON.stringify(probes), encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

const probeIn = (dir: string) => join(root, dir, 'src', 'boundary-probe.ts');

describe('the import boundaries', () => {
  const forbidden: Probe[] = [];
  const allowed: Probe[] = [];
  for (const from of WORKSPACES) {
    for (const to of WORKSPACES) {
      if (to === from) continue;
      const probe = { filePath: probeIn(from.dir), code: `export * from '${to.name}';\n` };
      (from.mayImport.includes(to.name) ? allowed : forbidden).push(probe);
      // A relative path into another workspace is refused whatever the table says.
      forbidden.push({ filePath: probeIn(from.dir), code: `export * from '${'../'.repeat(from.dir.split('/').length + 1)}${to.dir}/src/index';\n` });
    }
    for (const banned of from.banned ?? []) {
      forbidden.push({ filePath: probeIn(from.dir), code: `import '${banned.replace('*', 'fs')}';\n` });
    }
    for (const to of from.mayImport) forbidden.push({ filePath: probeIn(from.dir), code: `import '${to}/src/index';\n` });
  }
  let results: { forbidden: Required<Probe>[]; allowed: Required<Probe>[] };

  beforeAll(() => {
    const all = lint([...forbidden, ...allowed]);
    results = { forbidden: all.slice(0, forbidden.length), allowed: all.slice(forbidden.length) };
  });

  it(`reports every forbidden edge, deep path, relative path across workspaces and banned package (${forbidden.length} probes)`, () => {
    const passed = results.forbidden.filter((r) => r.messages.length === 0).map((r) => `${r.filePath.slice(root.length + 1)}: ${r.code.trim()}`);
    expect(passed).toEqual([]);
  });

  it('lets every allowed edge through', () => {
    const refused = results.allowed.filter((r) => r.messages.length > 0).map((r) => `${r.filePath.slice(root.length + 1)}: ${r.messages.join('; ')}`);
    expect(refused).toEqual([]);
    expect(results.allowed.length).toBeGreaterThan(10);
  });

  it('names the edge and what is allowed instead', () => {
    const [probe] = lint([{ filePath: probeIn('packages/contracts'), code: "import '@architech/sim-engine';\n" }]);
    expect(probe!.messages).toEqual(["@architech/contracts may not import @architech/sim-engine: it may import only nothing of ours (docs/architecture.md, 'Layout and import rules')."]);
  });

  it('is the table docs/architecture.md shows', () => {
    expect(readFileSync(join(root, 'docs/architecture.md'), 'utf8')).toContain(renderMarkdownTable());
  });
});
