import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * House rule (STYLE.md, CONTRIBUTING.md): no hand-written source file over 300 lines. Every
 * git-tracked .ts/.tsx/.js/.mjs/.cjs file counts except build output (dist/), generated code
 * (protobuf's *_pb.ts), declaration files and test fixtures (data, not code).
 */

const root = join(__dirname, '..', '..');
const MAX_LINES = 300;

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const NOT_HAND_WRITTEN = [/(^|\/)dist\//, /_pb\.ts$/, /\.d\.ts$/, /(^|\/)fixtures\//];

/** Whether the repository path `path` is a hand-written source file the limit applies to. */
function isHandWrittenSource(path: string): boolean {
  return SOURCE.test(path) && !NOT_HAND_WRITTEN.some((pattern) => pattern.test(path));
}

/** Lines of `text` as `wc -l` and editors count them (a final newline ends the last line, it does not start one). */
function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Files git tracks that are in the working tree (a deletion not yet staged is gone). */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(root, path)));
}

describe('the line limit', () => {
  it(`holds for every hand-written source file (at most ${MAX_LINES} lines)`, () => {
    const files = trackedFiles().filter(isHandWrittenSource);
    expect(files.length).toBeGreaterThan(100);
    const over = files
      .map((path) => ({ path, lines: lineCount(readFileSync(join(root, path), 'utf8')) }))
      .filter((file) => file.lines > MAX_LINES)
      .map((file) => `${file.path}: ${file.lines} lines`);
    expect(over).toEqual([]);
  });

  it('counts lines as wc -l does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([0, 1, 1, 2, 2]);
  });

  it('skips build output, generated protobuf code, declarations and fixtures, and nothing else', () => {
    const skipped = ['web/dist/assets/index-abc.js', 'packages/contracts/src/proto/architech/v1/span_batch_pb.ts', 'web/src/vite-env.d.ts', 'packages/service-kit/test/fixtures/serve-pglite.js'];
    const counted = ['web/src/pages/editor-page.tsx', 'bench/run.mjs', 'tools/boundaries/table.cjs', 'jest.config.js', 'packages/sim-engine/test/checks-fixtures.ts', 'services/users/src/distance.ts'];
    expect(skipped.filter(isHandWrittenSource)).toEqual([]);
    expect(counted.filter(isHandWrittenSource)).toEqual(counted);
  });
});
