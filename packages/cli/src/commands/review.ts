import { goalFindings, reviewFindings, simulateReview, summarizeReview, type Finding } from '@architech/sim-engine';
import { numberFlag, parseCommandLine, singlePositional, type OptionSpecs } from '../args';
import { EXIT } from '../exit-codes';
import { reviewReport } from '../format/review-report';
import { loadGoal } from '../goal-file';
import type { CliIo } from '../io';
import { warningLine } from '../issue-lines';
import { loadDesign } from '../load';
import { REVIEW_HELP, REVIEW_USAGE } from '../review-help';
import { UsageError } from '../usage-error';
import type { Command } from './command';

const OPTIONS: OptionSpecs = {
  simulate: { type: 'boolean' },
  checks: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
};

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, REVIEW_USAGE.review);
  const file = singlePositional(positionals, 'design file', REVIEW_USAGE.review);
  const seed = values.seed === undefined ? 1 : numberFlag('--seed', values.seed as string, REVIEW_USAGE.review, 'integer');
  if (seed < 0 || seed > 2 ** 31 - 1) throw new UsageError(`--seed must be between 0 and ${2 ** 31 - 1}, got ${seed}`, REVIEW_USAGE.review);
  const { design, warnings } = loadDesign(file);
  const goal = values.checks === undefined ? undefined : loadGoal(values.checks as string);
  for (const w of warnings) io.stderr.write(`${warningLine(w)}\n`);

  const simulated = values.simulate === true;
  const base = simulated ? simulateReview(design, { seed, onProgress: (done, total, label) => done < total && !values.json && io.stderr.write(`simulating ${done + 1}/${total}: ${label}\n`) }).findings : reviewFindings(design);
  const checks: Finding[] = goal ? goalFindings(design, goal.port, { ...goal.goal.run, seed: goal.goal.run?.seed ?? seed }) : [];
  const review = summarizeReview([...base, ...checks], simulated);

  io.stdout.write(values.json === true ? `${JSON.stringify(review)}\n` : reviewReport(review, file));
  return review.counts.fail > 0 ? EXIT.runFailed : EXIT.ok;
}

/** `architech review`: findings per domain with remediations, optionally backed by what-if simulations. */
export const reviewCommand: Command = { help: REVIEW_HELP, run };
