import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { SimulationsConfig } from '../config';
import { SIMULATIONS_CONFIG } from '../services/simulations.service';
import { JobConsumer } from './job-consumer';
import { PendingRequeuer } from './pending-requeuer';
import { StaleRunSweeper } from './stale-run-sweeper';
import { StatusRelay } from './status-relay';

/**
 * The worker side of the simulations service, started and stopped in order: status relay, stale
 * run sweeper, then (with SIM_WORKERS > 0) the job consumer and the re-queue of PENDING jobs.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: StatusRelay,
    private readonly sweeper: StaleRunSweeper,
    private readonly consumer: JobConsumer,
    private readonly requeuer: PendingRequeuer,
    @Inject(SIMULATIONS_CONFIG) private readonly config: Pick<SimulationsConfig, 'SIM_WORKERS'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    await this.sweeper.start();
    if (this.config.SIM_WORKERS === 0) return;
    await this.consumer.start();
    await this.requeuer.requeueAll();
  }

  /** Before the database closes: running jobs go back to PENDING so they run again after the restart. */
  async beforeApplicationShutdown(): Promise<void> {
    this.sweeper.stop();
    await this.consumer.stop();
    await this.relay.stop();
  }
}
