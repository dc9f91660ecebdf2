import { writeFileSync } from 'node:fs';
import type { EvidenceDto } from '@architech/contracts';
import { overallVerdict, renderCheckReport } from '../checks/check-report';
import { CHECK_HELP } from '../checks/check-help';
import { renderJunit } from '../checks/junit';
import { loadChecks } from '../checks/load-checks';
import { runChecksLocally } from '../checks/run-local';
import { runChecksOnServer } from '../checks/run-server';
import { EXIT } from '../exit-codes';
import { ProgressBar } from '../format/progress-bar';
import { InputError } from '../input-error';
import type { CliIo } from '../io';
import { warningLine } from '../issue-lines';
import { loadDesign } from '../load';
import type { Command } from './command';
import { parseCheckArgs, type CheckArgs } from './check-args';

type Evaluated = { kind: 'done'; evidence: EvidenceDto[]; source: string } | { kind: 'exit'; code: number };

async function evaluate(args: CheckArgs, io: CliIo, bar: ProgressBar | undefined): Promise<Evaluated> {
  if (args.mode === 'server') {
    const run = await runChecksOnServer({
      server: args.server,
      designId: args.designId,
      token: process.env.ARCHITECH_TOKEN,
      only: args.only,
      onProgress: bar && ((r) => bar.draw({ fraction: r.total ? r.done / r.total : 0, replication: r.done, replications: Math.max(1, r.total), simTimeMs: 0, events: 0 })),
    });
    if (run.status === 'FAILED') {
      io.stderr.write(`architech: check run ${run.id} failed: ${run.error ?? 'unknown error'}\n`);
      return { kind: 'exit', code: EXIT.runFailed };
    }
    return { kind: 'done', evidence: run.evidence, source: `${args.server} design ${args.designId} (check run ${run.id})` };
  }
  const { design, warnings } = loadDesign(args.designFile);
  for (const warning of warnings) io.stderr.write(`${warningLine(warning)}\n`);
  const checks = loadChecks(args.checksFile, design);
  const unknown = (args.only ?? []).filter((id) => !checks.requirements.some((r) => r.id === id));
  if (unknown.length > 0) throw new InputError('unknown_requirement', [`architech: --only: ${args.checksFile} has no requirement ${unknown.join(', ')}`]);
  const requirements = args.only ? checks.requirements.filter((r) => args.only!.includes(r.id)) : checks.requirements;
  const outcome = await runChecksLocally(design, requirements, {
    onProgress: bar && ((p) => bar.draw({ fraction: (p.done + p.fraction) / p.total, replication: p.done, replications: p.total, simTimeMs: 0, events: 0 })),
    onInterrupt: (h) => io.onInterrupt(h),
  });
  if (outcome.kind === 'cancelled') {
    io.stderr.write('cancelled\n');
    return { kind: 'exit', code: EXIT.cancelled };
  }
  if (outcome.kind === 'failed') {
    io.stderr.write(`architech: simulation failed: ${outcome.message}\n`);
    return { kind: 'exit', code: EXIT.runFailed };
  }
  return { kind: 'done', evidence: outcome.evidence, source: `${args.designFile} against ${args.checksFile}` };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCheckArgs(argv);
  const bar = io.stderr.isTTY ? new ProgressBar(io.stderr) : undefined;
  const result = await evaluate(args, io, bar).finally(() => bar?.clear());
  if (result.kind === 'exit') return result.code;
  const { evidence, source } = result;
  const verdict = overallVerdict(evidence);
  if (args.junitFile !== undefined) {
    try {
      writeFileSync(args.junitFile, renderJunit(evidence, source, new Date().toISOString()));
    } catch (error) {
      throw new InputError('unwritable', [`architech: cannot write --junit file '${args.junitFile}': ${(error as Error).message}`]);
    }
  }
  io.stdout.write(args.json ? `${JSON.stringify({ verdict, evidence }, null, 2)}\n` : renderCheckReport(evidence, source));
  return verdict === 'passed' ? EXIT.ok : verdict === 'failed' ? EXIT.checkFailed : EXIT.inconclusive;
}

/** `architech check`: requirements as checks, for people and for CI. */
export const checkCommand: Command = { help: CHECK_HELP, run };
