import { validateSimulationConfig, type Design, type SimulationConfig, type SimulationConfigInput, type ValidationIssue } from '@architech/contracts';
import { InputError } from './input-error';
import { fromSource, issueLine, type SourcedIssue } from './issue-lines';

/** The run settings as given on the command line, already read as numbers. */
export interface RunSettings {
  durationSec: number;
  warmupSec: number | 'auto';
  seed: number;
  replications: number;
  targetRelError?: number;
  maxReplications?: number;
  maxEvents?: number;
  sampleRate?: number;
  rateMultiplier?: number;
}

/** Which flag sets each configuration field, so that a range error names what the user typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  durationSec: '--duration',
  warmupSec: '--warmup',
  seed: '--seed',
  replications: '--replications',
  targetRelError: '--target-rel-error',
  maxReplications: '--max-replications',
  maxEvents: '--max-events',
  'tracing.sampleRate': '--sample-rate',
  'workload.rateMultiplier': '--rate-multiplier',
};

/** A validated configuration and the warnings it raised (e.g. a fault starting after the end). */
export interface BuiltConfig {
  config: SimulationConfig;
  warnings: SourcedIssue[];
}

/**
 * Builds the simulation configuration from the flags and the faults file and validates it with
 * the contracts' `validateSimulationConfig` against the design, so every limit and every fault
 * target check the API applies applies here too. Problems become an {@link InputError} naming
 * the flag or the faults file.
 *
 * @param faultsFile the faults file as the user named it, to locate fault issues
 */
export function buildSimulationConfig(settings: RunSettings, faults: readonly unknown[], faultsFile: string | undefined, design: Design): BuiltConfig {
  const input: Record<keyof SimulationConfigInput, unknown> = {
    durationSec: settings.durationSec,
    warmupSec: settings.warmupSec,
    seed: settings.seed,
    replications: settings.replications,
    targetRelError: settings.targetRelError,
    maxReplications: settings.maxReplications,
    maxEvents: settings.maxEvents,
    faults,
    tracing: settings.sampleRate === undefined ? undefined : { sampleRate: settings.sampleRate },
    workload: settings.rateMultiplier === undefined ? undefined : { rateMultiplier: settings.rateMultiplier },
    // A steady-state hypothesis is checked by the web app after a run; the CLI prints the summary.
    hypothesis: undefined,
  };
  const outcome = validateSimulationConfig(input, design);
  const warnings = outcome.warnings.map((issue) => locate(issue, faultsFile));
  if (!outcome.ok) {
    const issues = outcome.issues.map((issue) => locate(issue, faultsFile));
    const lines = issues.map((issue) => (issue.file.startsWith('--') ? `architech: ${issueLine(issue)}` : issueLine(issue)));
    if (issues.some((issue) => issue.file.startsWith('--'))) lines.push("Run 'architech simulate --help' for the options and their ranges.");
    throw new InputError('invalid_config', lines);
  }
  return { config: outcome.value, warnings };
}

/** Attributes a configuration issue to the faults file or to the flag that set the field. */
function locate(issue: ValidationIssue, faultsFile: string | undefined): SourcedIssue {
  if (issue.path.startsWith('faults')) return fromSource(faultsFile ?? '--faults', [issue])[0];
  const flag = FLAG_OF_FIELD[issue.path];
  // The flag's name says which field it is, so the path would only repeat it.
  if (flag) return { file: flag, path: '', code: issue.code, message: issue.message };
  return fromSource('configuration', [issue])[0];
}
