import { parseCommandLine, singlePositional, type OptionSpecs } from '../args';
import { EXIT } from '../exit-codes';
import { IMPORT_FAULTS_HELP, USAGE } from '../help';
import { InputError } from '../input-error';
import type { CliIo } from '../io';
import { loadDesign } from '../load';
import { readSources } from '../read-sources';
import { UsageError } from '../usage-error';
import type { Command } from './command';
import { writeJson } from './import';

const OPTIONS: OptionSpecs = {
  design: { type: 'string' },
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
};

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE.importFaults);
  const path = singlePositional(positionals, 'experiment file', USAGE.importFaults);
  const designFile = values.design as string | undefined;
  if (designFile === undefined) throw new UsageError('--design is required: the faults target its components', USAGE.importFaults);
  const { design } = loadDesign(designFile);
  const [file] = readSources([path]);
  const { importFaults, ImportFailure } = await import('@architech/iac-import');
  let result;
  try {
    result = importFaults(file, design);
  } catch (error) {
    if (error instanceof ImportFailure) throw new InputError(error.code, [`architech: cannot import: ${error.message}`]);
    throw error;
  }
  const output = values.output as string | undefined;
  if (output !== undefined) writeJson(output, { faults: result.faults });
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.ok;
  }
  const report = [
    `${result.source}: ${result.faults.length} fault(s), ${result.unsupported.length} not expressible; suggested run: --duration ${result.suggestedDurationSec}`,
    ...result.assumptions.map((a) => `assumption: ${a.file}:${a.line}: ${a.message}`),
    ...result.unsupported.map((u) => `unsupported: ${u.file}:${u.line}: ${u.resource}: ${u.message}`),
  ];
  if (output === undefined) {
    io.stdout.write(`${JSON.stringify({ faults: result.faults }, null, 2)}\n`);
    io.stderr.write(`${report.join('\n')}\n`);
  } else io.stdout.write(`${report.join('\n')}\nwrote ${output}\n`);
  return EXIT.ok;
}

/** `architech import-faults`: a Chaos Mesh, Litmus or AWS FIS experiment into faults for a design. */
export const importFaultsCommand: Command = { help: IMPORT_FAULTS_HELP, run };
