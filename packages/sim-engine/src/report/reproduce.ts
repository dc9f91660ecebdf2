import type { SimulationConfig } from '@architech/contracts';

/** Quotes a shell word when it needs it (POSIX single quotes). */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `architech simulate` command that runs `config` again on the design saved as `designFile`
 * (and its faults as `faultsFile`): every setting the CLI has a flag for, spelled out so that a
 * changed default cannot change the result. `note` names what the CLI cannot express (per-client
 * rate overrides, tracing limits other than the sample rate).
 */
export function reproduceCommand(config: SimulationConfig, files: { designFile: string; faultsFile: string; reportFile?: string }): { command: string; note?: string } {
  const words = ['architech', 'simulate', files.designFile];
  words.push('--duration', String(config.durationSec), '--warmup', String(config.warmupSec), '--seed', String(config.seed), '--replications', String(config.replications));
  if (config.targetRelError !== undefined) words.push('--target-rel-error', String(config.targetRelError), '--max-replications', String(config.maxReplications));
  if (config.maxEvents !== undefined) words.push('--max-events', String(config.maxEvents));
  if (config.tracing.sampleRate !== undefined) words.push('--sample-rate', String(config.tracing.sampleRate));
  if (config.workload && config.workload.rateMultiplier !== 1) words.push('--rate-multiplier', String(config.workload.rateMultiplier));
  if (config.faults.length > 0) words.push('--faults', files.faultsFile);
  if (files.reportFile) words.push('--report', files.reportFile);
  const notes: string[] = [];
  if (config.workload && Object.keys(config.workload.clients).length > 0) {
    notes.push(`the run overrode client rates (${Object.entries(config.workload.clients).map(([id, c]) => `${id}: ${c.ratePerSec}/s`).join(', ')}); set them as the clients' rates in the design file to reproduce it`);
  }
  return { command: words.map(shellWord).join(' '), note: notes.length ? `The command line cannot say everything: ${notes.join('; ')}.` : undefined };
}
