import { writeFileSync } from 'node:fs';
import { refineDesign, type RefineResult } from '@architech/sim-engine';
import type { Design } from '@architech/contracts';
import { parseCommandLine, type OptionSpecs } from '../args';
import { EXIT } from '../exit-codes';
import { loadGoal } from '../goal-file';
import { InputError } from '../input-error';
import type { CliIo } from '../io';
import { warningLine } from '../issue-lines';
import { loadDesign } from '../load';
import { OPTIMIZE_HELP, REVIEW_USAGE } from '../review-help';
import { UsageError } from '../usage-error';
import type { Command } from './command';

const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
};

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, REVIEW_USAGE.optimize);
  if (positionals.length < 2) throw new UsageError(`missing the ${positionals.length === 0 ? 'design file' : 'goal file'}`, REVIEW_USAGE.optimize);
  if (positionals.length > 2) throw new UsageError(`unexpected argument '${positionals[2]}'`, REVIEW_USAGE.optimize);
  const [designFile, goalFile] = positionals;
  const { design, warnings } = loadDesign(designFile);
  const { goal, port } = loadGoal(goalFile);
  for (const w of warnings) io.stderr.write(`${warningLine(w)}\n`);

  const result = refineDesign(design, port, {
    run: goal.run,
    maxIterations: goal.maxIterations,
    onEntry: (e) => {
      if (values.json !== true && e.kind === 'transition') io.stderr.write(`iteration ${e.iteration}: ${e.state}${e.reason ? ` (${e.reason})` : ''}\n`);
    },
  });
  if (values.output !== undefined) writeImproved(values.output as string, result.design);
  io.stdout.write(values.json === true ? `${JSON.stringify(result)}\n` : report(result));
  return result.state === 'accepted' ? EXIT.ok : EXIT.runFailed;
}

function writeImproved(file: string, design: Design): void {
  try {
    writeFileSync(file, `${JSON.stringify(design, null, 2)}\n`);
  } catch (error) {
    throw new InputError('unwritable', [`architech: cannot write '${file}': ${(error as Error).message}`]);
  }
}

function report(r: RefineResult<Design>): string {
  const lines = [
    `${r.state.toUpperCase()}${r.reason ? ` (${r.reason})` : ''} after ${r.iterations} iteration${r.iterations === 1 ? '' : 's'} — goal: ${r.goal}`,
    `capacity (replicas × workers): ${r.capacity.before} → ${r.capacity.after} (analytic minimum ${r.capacity.analyticMinimum})`,
  ];
  if (r.changes.length) lines.push('changes:', ...r.changes.map((c) => `  ${c.componentId}.${c.property}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)} — ${c.why}`));
  if (r.validation) lines.push(`last validation (iteration ${r.validation.iteration}):`, ...r.validation.criteria.map((c) => `  ${c.passed ? '✓' : '✗'} ${c.evidence}`));
  return `${lines.join('\n')}\n`;
}

/** `architech optimize`: the refine loop, from a design and a goal to an accepted (or best) design. */
export const optimizeCommand: Command = { help: OPTIMIZE_HELP, run };
