import { join } from 'node:path';
import { validateDesign } from '@architech/contracts';
import { importFaults, importInfrastructure, ImportFailure, type IacFormat, type SourceFile } from '../src';
import { parseHcl } from '../src/hcl-wasm';
import { mulberry32 } from '../../sim-engine/test/mulberry32';
import { FIXTURES, load } from './support';

/** A small seeded generator (the engine tests' mulberry32), so a failing case can be replayed from its seed. */
const random = mulberry32;

const TOKENS = [':', '-', '- ', '{', '}', '[', ']', '"', "'", '!Ref ', '!GetAtt x.', '${', '*a', '&a ', '<<: *a', '\n', '  ', '\t', '#', '=', 'depends_on: [', 'replicas: -1', 'kind: List', '0', '1e309', '\u0000', 'aws_lb.x.arn'];

/** One mutation of `text`: delete a span, duplicate or swap lines, insert a token, or truncate. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 5)) {
    case 0: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
    case 1: {
      const lines = text.split('\n');
      const i = Math.floor(next() * lines.length);
      lines.splice(i, 0, lines[Math.floor(next() * lines.length)]);
      return lines.join('\n');
    }
    case 2: {
      const lines = text.split('\n');
      const [i, j] = [Math.floor(next() * lines.length), Math.floor(next() * lines.length)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 3: return text.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)] + text.slice(at);
    default: return text.slice(0, at);
  }
}

/** Imports `rounds` mutants of `files`; each must give a valid design or an ImportFailure with a line. */
async function fuzz(files: SourceFile[], format: IacFormat | 'auto', rounds: number, seed: number): Promise<{ ok: number; refused: number }> {
  const next = random(seed);
  const tally = { ok: 0, refused: 0 };
  for (let round = 0; round < rounds; round++) {
    const victim = Math.floor(next() * files.length);
    let text = files[victim].text;
    for (let n = 1 + Math.floor(next() * 3); n > 0; n--) text = mutate(text, next);
    const mutated = files.map((f, i) => (i === victim ? { ...f, text } : f));
    try {
      const result = await importInfrastructure(mutated, { format, hcl: parseHcl });
      const checked = validateDesign(result.design);
      if (!checked.ok) throw new Error(`seed ${seed} round ${round}: invalid design ${JSON.stringify(checked.issues[0])}`);
      tally.ok++;
    } catch (e) {
      if (!(e instanceof ImportFailure)) throw new Error(`seed ${seed} round ${round} (${files[victim].path}): ${(e as Error).stack}`);
      expect(e.line).toBeGreaterThanOrEqual(1);
      tally.refused++;
    }
  }
  return tally;
}

// Bounded by rounds, not by time: about a minute on a small machine in all, never a hang.
describe('fuzzing the importers with mutated inputs', () => {
  it.each([
    ['compose', 'compose', 600],
    ['k8s-shop', 'k8s', 600],
    ['cloudformation', 'cloudformation', 600],
    ['compose', 'auto', 200],
  ] as const)('%s (%s): %i mutants, no crash', async (dir, format, rounds) => {
    const tally = await fuzz(load(join(FIXTURES, dir)), format, rounds, 18);
    expect(tally.ok + tally.refused).toBe(rounds);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);

  it('terraform: 150 mutants through the HCL parser, no crash', async () => {
    const tally = await fuzz(load(join(FIXTURES, 'terraform-aws')), 'terraform', 150, 18);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);

  it('chaos experiments: 400 mutants, no crash', async () => {
    const design = (await importInfrastructure(load(join(FIXTURES, 'compose')))).design;
    const next = random(18);
    const sources = load(join(FIXTURES, 'chaos'));
    for (let round = 0; round < 400; round++) {
      const file = sources[round % sources.length];
      try {
        importFaults({ ...file, text: mutate(mutate(file.text, next), next) }, design);
      } catch (e) {
        if (!(e instanceof ImportFailure)) throw new Error(`round ${round} (${file.path}): ${(e as Error).stack}`);
      }
    }
  }, 120_000);
});
