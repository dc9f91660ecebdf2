import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The monorepo root, where the CLI is spawned from. */
export const REPO_ROOT = resolve(__dirname, '../../../..');
const CLI_ROOT = join(REPO_ROOT, 'packages/cli');
const BIN = 'packages/cli/bin/architech.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * These specs run the compiled CLI, as users do; a stale build would test old code, so fail
 * loudly instead of silently passing against it.
 */
export function assertBuilt(): void {
  const src = join(CLI_ROOT, 'src');
  for (const file of sourceFiles(src)) {
    const compiled = join(CLI_ROOT, 'dist', relative(src, file)).replace(/\.ts$/, '.js');
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(file).mtimeMs) {
      throw new Error(`packages/cli is not built (or ${relative(REPO_ROOT, file)} changed since): run 'npx tsc -b packages/cli' first`);
    }
  }
}

/** Runs `architech <args>` to completion from the repository root. */
export function runCli(args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts `architech <args>`, sends it SIGINT after `afterMs`, and resolves when it exits. */
export function interruptCli(args: readonly string[], afterMs: number): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

/** A scratch directory for input files, removed by the returned function. */
export function scratchDir(): { dir: string; write(name: string, content: unknown): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'architech-cli-'));
  return {
    dir,
    write(name, content) {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A stack frame line as Node prints it: what users must never see for bad input. */
export const STACK_LINE = /^\s+at /m;

/**
 * Registers a scratch directory holding `design.json` (the three-tier fixture) for the enclosing
 * describe block; returns a getter for the file's path, valid once `beforeAll` has run.
 */
export function useDesignFile(content: () => unknown): { files: ReturnType<typeof scratchDir>; design: () => string } {
  const files = scratchDir();
  let path = '';
  beforeAll(() => {
    assertBuilt();
    path = files.write('design.json', content());
  });
  afterAll(() => files.remove());
  return { files, design: () => path };
}
