import type { ComponentSummaryDto, EndToEndSummaryDto, LatencySummaryDto, SimulationSummaryDto } from '@architech/contracts';

/*
 * The engine's result summary is the contracts' format (docs/engine.md §8), shared by the CLI's
 * `--json`, the API and the web app.
 */
export type LatencySummary = LatencySummaryDto;
export type ComponentSummary = ComponentSummaryDto;
export type EndToEndSummary = EndToEndSummaryDto;
export type Summary = SimulationSummaryDto;
