import type { SimulationResult } from '@architech/sim-engine';
import { EXIT } from '../exit-codes';
import { ProgressBar } from '../format/progress-bar';
import { renderCostSection } from '../format/cost-report';
import { renderSummaryReport } from '../format/summary-report';
import { SIMULATE_HELP } from '../help';
import type { CliIo } from '../io';
import { warningLine } from '../issue-lines';
import { loadDesign, loadFaults } from '../load';
import { checkReportPath, cliRunReport, writeReport } from '../report-file';
import { runSimulation } from '../run/run-simulation';
import { buildSimulationConfig } from '../simulation-config';
import type { Command } from './command';
import { parseSimulateArgs } from './simulate-args';

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseSimulateArgs(argv);
  if (args.reportFile !== undefined) checkReportPath(args.reportFile);
  const { design, warnings: designWarnings } = loadDesign(args.designFile);
  const faults = args.faultsFile === undefined ? [] : loadFaults(args.faultsFile);
  const { config, warnings: configWarnings } = buildSimulationConfig(args.settings, faults, args.faultsFile, design);
  for (const warning of [...designWarnings, ...configWarnings]) io.stderr.write(`${warningLine(warning)}\n`);

  // Progress only on a terminal: in a pipe or a log file, carriage returns are just noise.
  const bar = io.stderr.isTTY ? new ProgressBar(io.stderr) : undefined;
  const outcome = await runSimulation(design, config, {
    onProgress: bar && ((progress) => bar.draw(progress)),
    // The report draws the series; --json --no-series still leaves them out of the JSON below.
    includeSeries: (args.json && args.series) || args.reportFile !== undefined,
    threads: args.threads,
    onInterrupt: (handler) => io.onInterrupt(handler),
  });
  bar?.clear();

  switch (outcome.kind) {
    case 'cancelled':
      io.stderr.write('cancelled\n');
      return EXIT.cancelled;
    case 'failed':
      io.stderr.write(`architech: simulation failed: ${outcome.message}\n`);
      return EXIT.runFailed;
    case 'done': {
      // The JSON is the engine's own result as JSON.stringify wrote it, so parsing it restores the type.
      const result = JSON.parse(outcome.resultJson) as SimulationResult;
      // The engine prices a design with provider blocks itself (result.cost, list prices).
      const cost = result.cost;
      if (args.reportFile !== undefined) {
        writeReport(args.reportFile, cliRunReport({ design, designFile: args.designFile, faultsFile: args.faultsFile, reportFile: args.reportFile, config, result, now: new Date() }));
        io.stderr.write(`report written to ${args.reportFile}\n`);
      }
      const json = args.json && args.reportFile !== undefined && !args.series ? JSON.stringify({ ...result, timeseries: undefined }) : outcome.resultJson;
      if (args.json) io.stdout.write(`${json}\n`);
      else io.stdout.write(renderSummaryReport(result, args.designFile) + (cost ? `\n${renderCostSection(cost).join('\n')}\n` : ''));
      return EXIT.ok;
    }
  }
}

/** `architech simulate`: runs a design and prints a summary, or the full result as JSON. */
export const simulateCommand: Command = { help: SIMULATE_HELP, run };
