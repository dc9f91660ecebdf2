import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateDesign } from '@architech/contracts';
import type { ImportResult, SourceFile } from '../src';

export const REPO = join(__dirname, '..', '..', '..');
export const FIXTURES = join(__dirname, 'fixtures');

/** Every file under `path` (or the file itself), sorted, with paths relative to the repository. */
export function load(path: string): SourceFile[] {
  const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => walk(join(p, f))) : [p]);
  return walk(path).map((p) => ({ path: relative(REPO, p), text: readFileSync(p, 'utf8') }));
}

export function byName(result: ImportResult, name: string) {
  const c = result.design.components.find((x) => x.name === name);
  if (!c) throw new Error(`no component named ${name} in ${result.design.components.map((x) => x.name).join(', ')}`);
  return c;
}

/** `source>target` by component name, sorted: the shape of the imported graph. */
export function edges(result: ImportResult): string[] {
  const name = new Map(result.design.components.map((c) => [c.id, c.name]));
  return (result.design.connections ?? []).map((c) => `${name.get(c.source)}>${name.get(c.target)}`).sort();
}

export function expectRunnable(result: ImportResult): void {
  const checked = validateDesign(result.design);
  expect(checked.ok ? [] : checked.issues).toEqual([]);
  for (const c of result.design.components) expect(c.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  for (const a of result.assumptions) {
    expect(a.message.length).toBeGreaterThan(0);
    expect(a.line).toBeGreaterThanOrEqual(1);
    expect(result.metadata.files).toContain(a.file);
  }
}

export function props(c: { properties?: unknown }): Record<string, unknown> {
  return (c.properties ?? {}) as Record<string, unknown>;
}
