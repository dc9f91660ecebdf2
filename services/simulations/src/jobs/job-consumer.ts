import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SimulationJobMessage } from '@architech/contracts';
import type { Subscription } from '@architech/service-kit';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { ENGINE_FACTORY, type EngineFactory, type JobEngine } from './engine';
import { JobExecutor } from './job-executor';
import { QueuePositions } from './queue-positions';

/** Jobs one instance holds (queued or running) before it stops taking more from the bus. */
export const LOCAL_QUEUE_LIMIT = 256;

/**
 * Takes jobs from the bus (one consumer group shared by every instance, so instances share the
 * load) into this instance's engine pool, each PENDING simulation once.
 */
@Injectable()
export class JobConsumer {
  private readonly logger = new Logger('jobs');
  private engine: JobEngine | undefined;
  private subscription: Subscription | undefined;
  /** Simulations this instance holds (queued or running), so a duplicate job is not run twice. */
  private readonly active = new Set<string>();

  constructor(
    private readonly bus: JobBusRepository,
    private readonly simulations: SimulationRepository,
    private readonly executor: JobExecutor,
    private readonly positions: QueuePositions,
    @Inject(ENGINE_FACTORY) private readonly createEngine: EngineFactory,
  ) {}

  /** Starts the engine pool and takes jobs. */
  async start(): Promise<void> {
    const engine = (this.engine = this.createEngine());
    this.positions.follow(() => engine.positions());
    engine.onQueueChange(() => this.positions.changed());
    this.subscription = await this.bus.consumeJobs((job) => this.take(job));
  }

  /** Closes the engine pool (running jobs go back to PENDING), then stops taking jobs. */
  async stop(): Promise<void> {
    await this.engine?.close();
    await this.subscription?.stop();
  }

  /** Resolves when the job is queued here (or skipped); past LOCAL_QUEUE_LIMIT, when it ends. */
  async take(job: SimulationJobMessage): Promise<void> {
    const id = job.simulationId;
    // A job delivered twice (a re-queue after a restart, a redelivery) runs once per instance.
    if (this.active.has(id)) return;
    if ((await this.simulations.statusOf(id)) !== 'PENDING') return;
    this.active.add(id);
    const done = this.executor
      .execute(this.engine!, job)
      .catch((e: Error) => this.logger.error(`simulation ${id}: ${e.message}`))
      .finally(() => {
        this.active.delete(id);
        this.positions.leave(id);
      });
    // The job is taken off the bus once it is queued here (the database row stays the truth:
    // PENDING rows are re-queued at start), so every waiting job reaches the fair queues instead
    // of waiting behind another in its bus partition. Past LOCAL_QUEUE_LIMIT this instance stops
    // taking jobs until one finishes, leaving them to other instances.
    if (this.active.size > LOCAL_QUEUE_LIMIT) await done;
  }
}
