import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

/*
 * The test hooks (`window.__architech`, `window.__architechReplay`) are for browser tests and
 * benchmarks only: the production bundle must not carry them, while the test-hooks build they
 * serve must. Both are built here from the current sources into temporary folders.
 */

const WEB = join(__dirname, '..');
const VITE = join(WEB, '..', 'node_modules', 'vite', 'bin', 'vite.js');
const HOOK_MODULES = ['editor/canvas/test-hook.ts', 'simulation/replay/replay-test-hook.ts'];

interface Build {
  /** What the gateway serves (scripts, styles, HTML), by file name. */
  readonly served: ReadonlyMap<string, string>;
  /** The source files of the bundles, from their (never served) source maps. */
  readonly sources: readonly string[];
}

function build(mode?: string): Build {
  const outDir = mkdtempSync(join(tmpdir(), 'architech-web-bundle-'));
  try {
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', ...(mode ? ['--mode', mode] : [])], { cwd: WEB, stdio: 'pipe' });
    const served = new Map<string, string>();
    const sources: string[] = [];
    for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
      const extension = extname(file);
      if (extension === '.map') sources.push(...(JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { sources: string[] }).sources);
      else if (['.js', '.css', '.html'].includes(extension)) served.set(file, readFileSync(join(outDir, file), 'utf8'));
    }
    return { served, sources };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const filesMentioning = (b: Build, text: string) => [...b.served].filter(([, body]) => body.includes(text)).map(([file]) => file);
const hookModulesIn = (b: Build) => HOOK_MODULES.filter((m) => b.sources.some((s) => s.endsWith(m)));

describe('the production bundle', () => {
  let production: Build;
  let testHooks: Build;

  beforeAll(() => {
    production = build();
    testHooks = build('test-hooks');
  }, 300_000);

  it('publishes no test hook: no served file mentions __architech, and the hook modules are left out', () => {
    expect(production.served.size).toBeGreaterThan(3);
    expect(filesMentioning(production, '__architech')).toEqual([]);
    expect(hookModulesIn(production)).toEqual([]);
  });

  it('differs from the test-hooks build the browser tests serve, which has both hooks', () => {
    expect(filesMentioning(testHooks, '__architechReplay')).not.toEqual([]);
    expect(filesMentioning(testHooks, '__architech=')).not.toEqual([]);
    expect(hookModulesIn(testHooks)).toEqual(HOOK_MODULES);
  });
});
