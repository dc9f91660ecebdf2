import { LIMITS, validateDesign, validateSimulationConfig } from '@architech/contracts';
import { parseCommandLine, singlePositional, type OptionSpecs } from '../args';
import { EXIT } from '../exit-codes';
import { USAGE, VALIDATE_HELP } from '../help';
import type { CliIo } from '../io';
import { fromSource, issueLine, warningLine, type SourcedIssue } from '../issue-lines';
import { loadFaults, misplacedFaults, readJsonFile } from '../load';
import type { Command } from './command';

const OPTIONS: OptionSpecs = {
  faults: { type: 'string' },
  json: { type: 'boolean' },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE.validate);
  const designFile = singlePositional(positionals, 'design file', USAGE.validate);
  const faultsFile = values.faults as string | undefined;

  const raw = readJsonFile(designFile, 'design');
  const design = validateDesign(raw);
  const issues: SourcedIssue[] = design.ok ? [] : [...misplacedFaults(designFile, raw), ...fromSource(designFile, design.issues)];
  const warnings = fromSource(designFile, design.warnings);
  let counted = '';
  if (faultsFile !== undefined) {
    const faults = loadFaults(faultsFile);
    // No run length is known here, so the longest allowed one stands in: only the faults
    // themselves (and, given a valid design, their targets) are being checked.
    const config = validateSimulationConfig({ durationSec: LIMITS.maxDurationSec, faults }, design.ok ? design.value : undefined);
    if (!config.ok) issues.push(...fromSource(faultsFile, config.issues));
    warnings.push(...fromSource(faultsFile, config.warnings));
    counted = `, ${plural(faults.length, 'fault')}`;
  }

  const ok = issues.length === 0;
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ ok, issues, warnings })}\n`);
  } else {
    for (const warning of warnings) io.stderr.write(`${warningLine(warning)}\n`);
    for (const issue of issues) io.stderr.write(`${issueLine(issue)}\n`);
    if (ok && design.ok) {
      io.stdout.write(`ok: ${plural(design.value.components.length, 'component')}, ${plural(design.value.connections.length, 'connection')}${counted}\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.usage;
}

/** `architech validate`: checks a design (and a faults file) without running anything. */
export const validateCommand: Command = { help: VALIDATE_HELP, run };
