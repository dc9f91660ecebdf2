import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ENGINE_VERSION, REPORT_SERIES, pickReportTraces, renderRunReportHtml, reproduceCommand, type SimulationResult } from '@architech/sim-engine';
import type { Design, SimulationConfig } from '@architech/contracts';
import { InputError } from './input-error';

/**
 * Fails before the run when `--report FILE` cannot be written: its directory is missing or not
 * writable, or FILE is a directory (exit 2, nothing run).
 */
export function checkReportPath(file: string): void {
  const target = resolve(file);
  const why = unwritableBecause(target);
  if (why) throw new InputError('unwritable', [`architech: cannot write report file '${file}': ${why}`]);
}

function unwritableBecause(target: string): string | undefined {
  try {
    if (statSync(target).isDirectory()) return 'it is a directory';
    accessSync(target, constants.W_OK);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return 'permission denied';
  }
  try {
    const dir = dirname(target);
    if (!statSync(dir).isDirectory()) return `'${dirname(target)}' is not a directory`;
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such directory '${dirname(target)}'` : 'permission denied';
  }
}

/** The HTML run report of a CLI run: the same renderer as the API's deliverables (docs/reports.md). */
export function cliRunReport(input: { design: Design; designFile: string; faultsFile?: string; reportFile: string; config: SimulationConfig; result: SimulationResult; now: Date }): string {
  const { design, config, result } = input;
  const designText = readFileSync(input.designFile, 'utf8');
  const faultsText = input.faultsFile ? readFileSync(input.faultsFile, 'utf8') : undefined;
  const { command, note } = reproduceCommand(config, { designFile: input.designFile, faultsFile: input.faultsFile ?? 'faults.json', reportFile: input.reportFile });
  const bucket = result.timeseries.bucketSec;
  return renderRunReportHtml({
    status: 'COMPLETED',
    generatedAt: input.now.toISOString(),
    design: {
      name: basename(input.designFile),
      contentHash: `sha256:${createHash('sha256').update(JSON.stringify({ components: design.components, connections: design.connections })).digest('hex')}`,
      components: design.components.length,
      connections: design.connections.length,
    },
    names: Object.fromEntries(design.components.filter((c) => c.name).map((c) => [c.id, c.name!])),
    engineVersion: ENGINE_VERSION,
    config,
    settings: result.settings,
    replications: result.replications,
    events: result.events,
    wallMs: result.wallMs,
    summary: result.summary,
    ci95: result.ci95,
    faults: result.faults,
    series: REPORT_SERIES.map((s) => ({ title: s.title, unit: s.unit, points: (result.timeseries.endToEnd[s.metric] ?? []).map((value, i) => ({ timeSec: i * bucket, value })) })),
    ...pickReportTraces(result.traces),
    tracesNote: 'Traces of the first replication, as sampled by the run.',
    reviewNote: "Review findings are not part of a CLI report: run 'architech review' on the design for them.",
    reproduce: { command, note, files: [{ name: input.designFile, json: designText }, ...(faultsText !== undefined && input.faultsFile ? [{ name: input.faultsFile, json: faultsText }] : [])] },
  });
}

/** Writes the report; a failure is an input error (exit 2) naming the file. */
export function writeReport(file: string, html: string): void {
  try {
    writeFileSync(file, html);
  } catch (error) {
    throw new InputError('unwritable', [`architech: cannot write report file '${file}': ${(error as Error).message}`]);
  }
}
