import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDesign, simulationConfigSchema, validateDesign } from '@architech/contracts';
import { simulate } from '../src';

/*
 * Pins the engine's whole output (summary, confidence intervals, series, traces, logs) for one
 * design that exercises retries, timeouts, breakers, blocking calls, a cache and two faults. Any
 * change to what the engine computes for such a design fails this test; a deliberate change
 * regenerates the file with `UPDATE_GOLDEN=1 npx jest packages/sim-engine/test/golden.test.ts`
 * and says why in its commit.
 */

const dir = join(__dirname, 'golden');

it('reproduces the pinned result of the microservices design with faults byte for byte', () => {
  const input = JSON.parse(readFileSync(join(dir, 'microservices.input.json'), 'utf8')) as { design: unknown; config: unknown };
  // What every caller does: validate at the boundary, resolve the defaults once, run.
  const design = validateDesign(input.design);
  if (!design.ok) throw new Error(JSON.stringify(design.issues));
  const result = simulate(resolveDesign(design.value), simulationConfigSchema.parse(input.config));
  const text = `${JSON.stringify({ ...result, wallMs: 0 }, null, 1)}\n`;
  const file = join(dir, 'microservices.result.json');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(text === readFileSync(file, 'utf8')).toBe(true);
});
