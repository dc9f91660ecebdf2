import { Injectable } from '@nestjs/common';
import type { SimulationResult } from '@architech/sim-engine';
import { CheckRunRepository } from './check-run.repository';

/**
 * Keeps the time series a check needs of a run that a check run launched: the end-to-end series
 * and those of the components its windowed criteria name. Other runs store no series here (their
 * series go to telemetry only). Called by the RunRecorder when a run completes.
 */
@Injectable()
export class CheckSeriesCapture {
  constructor(private readonly checks: CheckRunRepository) {}

  /** Whether the run is a check run's replication, whose series {@link capture} keeps. */
  async wanted(simulationId: string): Promise<boolean> {
    return (await this.checks.replicationComponents(simulationId)) !== undefined;
  }

  async capture(simulationId: string, result: SimulationResult): Promise<void> {
    const components = await this.checks.replicationComponents(simulationId);
    if (!components) return;
    const { timeseries } = result;
    await this.checks.saveSeries(simulationId, {
      bucketSec: timeseries.bucketSec,
      endToEnd: timeseries.endToEnd,
      components: Object.fromEntries(components.filter((c) => timeseries.components[c]).map((c) => [c, timeseries.components[c]])),
    });
  }
}
