import { numberFlag, parseCommandLine, singlePositional, type OptionSpecs } from '../args';
import { UsageError } from '../usage-error';
import { USAGE } from '../help';
import type { RunSettings } from '../simulation-config';
import { threadsFlag } from './threads';

/** The defaults the `--help` text promises. */
export const SIMULATE_DEFAULTS = { durationSec: 60, warmupSec: 0, seed: 1, replications: 1 } as const;

const OPTIONS: OptionSpecs = {
  duration: { type: 'string' },
  warmup: { type: 'string' },
  seed: { type: 'string' },
  replications: { type: 'string' },
  'target-rel-error': { type: 'string' },
  'max-replications': { type: 'string' },
  'max-events': { type: 'string' },
  threads: { type: 'string' },
  faults: { type: 'string' },
  'sample-rate': { type: 'string' },
  'rate-multiplier': { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  // Declared as its own flag: util.parseArgs in Node 20 has no automatic `--no-` negation.
  'no-series': { type: 'boolean' },
};

/** `architech simulate`'s command line, read and type-checked (ranges are the schema's job). */
export interface SimulateArgs {
  designFile: string;
  faultsFile?: string;
  settings: RunSettings;
  json: boolean;
  /** False with `--no-series`. */
  series: boolean;
  /** `--threads`; undefined: the machine's available parallelism. */
  threads?: number;
  /** `--report FILE`: where to write the self-contained HTML run report. */
  reportFile?: string;
}

/** Parses `architech simulate` arguments; throws a UsageError for a malformed command line. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const usage = USAGE.simulate;
  const { values, positionals } = parseCommandLine(argv, OPTIONS, usage);
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const number = (name: string, kind: 'number' | 'integer' = 'number'): number | undefined => {
    const raw = text(name);
    return raw === undefined ? undefined : numberFlag(`--${name}`, raw, usage, kind);
  };
  const warmup = text('warmup');
  if (warmup !== undefined && warmup !== 'auto' && !Number.isFinite(Number(warmup))) {
    throw new UsageError(`--warmup expects a number of seconds or 'auto', got '${warmup}'`, usage);
  }
  return {
    designFile: singlePositional(positionals, 'design file', usage),
    faultsFile: text('faults'),
    settings: {
      durationSec: number('duration') ?? SIMULATE_DEFAULTS.durationSec,
      warmupSec: warmup === 'auto' ? 'auto' : (number('warmup') ?? SIMULATE_DEFAULTS.warmupSec),
      seed: number('seed', 'integer') ?? SIMULATE_DEFAULTS.seed,
      replications: number('replications', 'integer') ?? SIMULATE_DEFAULTS.replications,
      targetRelError: number('target-rel-error'),
      maxReplications: number('max-replications', 'integer'),
      maxEvents: number('max-events', 'integer'),
      sampleRate: number('sample-rate'),
      rateMultiplier: number('rate-multiplier'),
    },
    json: values.json === true,
    series: values['no-series'] !== true,
    threads: threadsFlag(text('threads'), usage),
    reportFile: reportFlag(text('report'), usage),
  };
}

function reportFlag(raw: string | undefined, usage: string): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') throw new UsageError('--report expects a file name, e.g. --report report.html', usage);
  return raw;
}
