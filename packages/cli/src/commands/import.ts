import { writeFileSync } from 'node:fs';
import { IMPORT_FORMATS } from '@architech/contracts';
import type { IacFormat } from '@architech/iac-import';
import { parseCommandLine, type OptionSpecs } from '../args';
import { EXIT } from '../exit-codes';
import { IMPORT_HELP, USAGE } from '../help';
import { InputError } from '../input-error';
import type { CliIo } from '../io';
import { readSources } from '../read-sources';
import { UsageError } from '../usage-error';
import type { Command } from './command';

const OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  name: { type: 'string' },
};

/** Writes `value` as JSON to `file`; a failure is the user's input problem (exit 2), not a crash. */
export function writeJson(file: string, value: unknown): void {
  try {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch (error) {
    throw new InputError('unwritable', [`architech: cannot write '${file}': ${(error as Error).message}`]);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE.import);
  if (positionals.length === 0) throw new UsageError('missing the files or folders to import', USAGE.import);
  const format = (values.format as string | undefined) ?? 'auto';
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be ${IMPORT_FORMATS.join(', ')}; got '${format}'`, USAGE.import);
  }
  const files = readSources(positionals);
  // Loaded here, not at start-up: every other command would pay for the parsers.
  const { ImportFailure, importInfrastructure } = await import('@architech/iac-import');
  const { parseHcl } = await import('@architech/iac-import/hcl');
  let result;
  try {
    result = await importInfrastructure(files, { format: format as IacFormat | 'auto', hcl: parseHcl, ...(values.name ? { name: values.name as string } : {}) });
  } catch (error) {
    if (error instanceof ImportFailure) throw new InputError(error.code, [`architech: cannot import: ${error.message}`]);
    throw error;
  }
  const output = values.output as string | undefined;
  if (output !== undefined) writeJson(output, result.design);
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ design: result.design, assumptions: result.assumptions, notes: result.notes, evidence: result.evidence, metadata: result.metadata })}\n`);
    return EXIT.ok;
  }
  const m = result.metadata;
  const report = [
    `imported ${result.design.components.length} components, ${(result.design.connections ?? []).length} connections from ${m.files.length} ${m.originalFormat} file(s); complexity ${m.complexity}; ${m.resourceCount} resources`,
    ...result.assumptions.map((a) => `assumption: ${a.file}:${a.line}: ${a.message}`),
    ...result.notes.map((n) => `note: ${n.file}:${n.line}: ${n.message}`),
  ];
  if (output === undefined) {
    io.stdout.write(`${JSON.stringify(result.design, null, 2)}\n`);
    io.stderr.write(`${report.join('\n')}\n`);
  } else {
    io.stdout.write(`${report.join('\n')}\nwrote ${output}\n`);
  }
  return EXIT.ok;
}

/** `architech import`: infrastructure code (compose, Kubernetes, Terraform, CloudFormation) into a design. */
export const importCommand: Command = { help: IMPORT_HELP, run };
