import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** Option definitions in `util.parseArgs`'s shape. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What a command line holds once split: option values by name and the positional arguments. */
export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Splits a command's arguments with `util.parseArgs` in strict mode (unknown flags, a missing
 * value, a value given to a boolean flag are all errors) and turns its errors into
 * {@link UsageError}s carrying the command's synopsis.
 */
export function parseCommandLine(argv: readonly string[], options: OptionSpecs, usage: string): ParsedCommandLine {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: values as ParsedCommandLine['values'], positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error), usage);
  }
}

/** Node's messages explain how to pass a positional starting with '-', which is noise for a typo. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const quoted = /'([^']+)'/.exec(text)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option '${quoted}'`;
  const missing = /^Option '(-[^ ]+(?:, -[^ ]+)?) <value>' argument missing/.exec(text);
  if (missing) return `option '${missing[1]}' needs a value`;
  const ambiguous = /^Option '([^']+)' argument is ambiguous/.exec(text);
  if (ambiguous) return `option '${ambiguous[1]}' needs a value; to give one starting with '-', write '${ambiguous[1]}=<value>'`;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a flag's value as a decimal number. Only its form is checked here; ranges belong to the
 * contracts' schemas, so that the CLI, the API and the web app enforce the same limits.
 *
 * @param flag the flag as typed, e.g. `--duration`, for the error message
 */
export function numberFlag(flag: string, raw: string, usage: string, kind: 'number' | 'integer' = 'number'): number {
  // Number() alone would accept '', '0x1f' and 'Infinity'.
  const value = DECIMAL.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${flag} expects a number, got '${raw}'`, usage);
  if (kind === 'integer' && !Number.isInteger(value)) throw new UsageError(`${flag} expects a whole number, got '${raw}'`, usage);
  return value;
}

/** Requires exactly one positional argument, e.g. the design file. */
export function singlePositional(positionals: readonly string[], what: string, usage: string): string {
  if (positionals.length === 0) throw new UsageError(`missing the ${what}`, usage);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' (only one ${what} is accepted)`, usage);
  return positionals[0];
}
