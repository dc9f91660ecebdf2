import { Inject, Injectable, Logger } from '@nestjs/common';
import { statusSequence } from '@architech/contracts';
import type { SimulationResult } from '@architech/sim-engine';
import { CheckSeriesCapture } from '../checks/check-series';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { TelemetryBusRepository } from '../repositories/telemetry-bus.repository';
import type { RunOutcome } from '../worker/engine-pool';
import { INSTANCE_ID } from './instance-id';

/**
 * Records how a run that became RUNNING here ended: a result's telemetry goes to the bus (and the
 * series a check keeps to the check), the outcome to the database, and its status to the bus for
 * the live listeners. A run stopped because this instance is stopping goes back to PENDING.
 */
@Injectable()
export class RunRecorder {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly bus: JobBusRepository,
    private readonly telemetry: TelemetryBusRepository,
    private readonly checkSeries: CheckSeriesCapture,
    @Inject(INSTANCE_ID) private readonly workerId: string,
  ) {}

  async record(id: string, outcome: RunOutcome): Promise<void> {
    const { workerId } = this;
    if (outcome.kind === 'done') {
      // The engine thread encoded the series, traces and logs; resultJson is the small rest.
      const result = JSON.parse(outcome.resultJson) as Omit<SimulationResult, 'timeseries' | 'traces' | 'logs'>;
      if (outcome.telemetry) await this.telemetry.publishFinal(outcome.telemetry);
      else {
        await this.telemetry.publish(id, result as SimulationResult);
        await this.checkSeries.capture(id, result as SimulationResult);
      }
      const stored = await this.simulations.complete(id, { summary: result.summary, ci95: result.ci95, settings: result.settings, replications: result.replications, events: result.events, wallMs: result.wallMs, faults: result.faults, ...(result.cost ? { cost: result.cost } : {}) });
      if (stored) await this.bus.publishStatus({ id, status: 'COMPLETED', progress: 1, replications: result.replications, events: result.events, sequence: statusSequence('COMPLETED') }, { summary: result.summary, workerId });
    } else if (outcome.kind === 'cancelled') {
      if (await this.simulations.finish(id, 'CANCELLED', null)) await this.bus.publishStatus({ id, status: 'CANCELLED', progress: 0, sequence: statusSequence('CANCELLED') }, { workerId });
    } else if (outcome.code === 'shutting_down') {
      if (await this.simulations.release(id)) this.logger.log(`simulation ${id} returned to the queue: this instance is stopping`);
    } else {
      const error = `${outcome.code}: ${outcome.message}`;
      this.logger.warn(`simulation ${id} failed: ${error}`);
      if (await this.simulations.finish(id, 'FAILED', error)) await this.bus.publishStatus({ id, status: 'FAILED', progress: 0, error, sequence: statusSequence('FAILED') }, { workerId });
    }
  }
}
