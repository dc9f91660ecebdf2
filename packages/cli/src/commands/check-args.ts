import { parseCommandLine, type OptionSpecs } from '../args';
import { USAGE } from '../help';
import { UsageError } from '../usage-error';

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean' },
  junit: { type: 'string' },
  only: { type: 'string', multiple: true },
  server: { type: 'string' },
  design: { type: 'string' },
};

export type CheckArgs = { json: boolean; junitFile?: string; only?: string[] } & ({ mode: 'local'; designFile: string; checksFile: string } | { mode: 'server'; server: string; designId: string });

const REQ = /^REQ-[0-9]{4,12}$/;

/** `architech check`'s command line: two files, or `--server URL --design ID`. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE.check);
  const onlyRaw = values.only as unknown as string[] | undefined;
  const only = onlyRaw?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const id of only ?? []) if (!REQ.test(id)) throw new UsageError(`--only expects requirement ids like REQ-0001, got '${id}'`, USAGE.check);
  const common = { json: values.json === true, junitFile: values.junit as string | undefined, only };
  if (values.server !== undefined || values.design !== undefined) {
    if (values.server === undefined || values.design === undefined) throw new UsageError('--server and --design go together', USAGE.check);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (with --server the requirements come from the design's project)`, USAGE.check);
    if (!/^https?:\/\//.test(values.server as string)) throw new UsageError(`--server expects an http(s) URL, got '${values.server as string}'`, USAGE.check);
    return { ...common, mode: 'server', server: values.server as string, designId: values.design as string };
  }
  if (positionals.length < 2) throw new UsageError(positionals.length === 0 ? 'missing the design file and the checks file' : 'missing the checks file', USAGE.check);
  if (positionals.length > 2) throw new UsageError(`unexpected argument '${positionals[2]}'`, USAGE.check);
  return { ...common, mode: 'local', designFile: positionals[0], checksFile: positionals[1] };
}
