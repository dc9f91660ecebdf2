import { Inject, Injectable, Logger } from '@nestjs/common';
import { statusSequence } from '@architech/contracts';
import type { SimulationsConfig } from '../config';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SIMULATIONS_CONFIG } from '../services/simulations.service';
import { CLOCK, type Clock, type Timer } from './clock';

/** How often the sweep runs. */
export const SWEEP_MS = 5000;
/** The error of a run failed by the sweep. */
export const STALE_RUN_ERROR = 'the worker running it stopped reporting (crashed or restarted)';

/**
 * Fails the RUNNING simulations whose worker went silent (no heartbeat for
 * SIM_HEARTBEAT_TIMEOUT_SEC: crashed, killed or cut off) and tells their listeners. Every instance
 * sweeps; the guarded update fails each run once.
 */
@Injectable()
export class StaleRunSweeper {
  private readonly logger = new Logger('jobs');
  private timer: Timer | undefined;

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly bus: JobBusRepository,
    @Inject(SIMULATIONS_CONFIG) private readonly config: Pick<SimulationsConfig, 'SIM_HEARTBEAT_TIMEOUT_SEC'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Sweeps once now, then every {@link SWEEP_MS}. */
  async start(): Promise<void> {
    await this.sweep();
    this.timer = this.clock.every(SWEEP_MS, () => void this.sweep().catch((e: Error) => this.logger.error(e.message)));
  }

  stop(): void {
    this.timer?.stop();
  }

  async sweep(): Promise<void> {
    const silentSince = new Date(this.clock.now() - this.config.SIM_HEARTBEAT_TIMEOUT_SEC * 1000);
    for (const id of await this.simulations.failStale(silentSince, STALE_RUN_ERROR)) {
      this.logger.warn(`simulation ${id} failed: its worker stopped reporting`);
      await this.bus.publishStatus({ id, status: 'FAILED', progress: 0, error: STALE_RUN_ERROR, sequence: statusSequence('FAILED') });
    }
  }
}
