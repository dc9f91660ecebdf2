import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock, type Timer } from '@architech/service-kit';
import { ProjectRepository } from '../repositories/project.repository';
import { ProjectPurger } from '../services/project-purger';
import { TRASH_DAYS } from '../services/projects.service';

/** LIFECYCLE_SWEEP_SEC, as the purge reads it. */
export const PURGE_SWEEP_SEC = Symbol('PURGE_SWEEP_SEC');
/** Projects one step of a sweep looks up: a bounded query, even after a long outage. */
export const PROJECTS_PER_STEP = 50;

const DAY_MS = 86_400_000;

/**
 * Deletes for good the projects that have been in the trash longer than PROJECT_TRASH_DAYS
 * (docs/data-lifecycle.md), with their memberships, requirements, designs, runs, check runs and
 * telemetry ({@link ProjectPurger}). Runs on the clock it is given: soon after start, then every
 * LIFECYCLE_SWEEP_SEC. A project whose cascade fails (a service did not answer) stays in the trash
 * and is purged by a later sweep. Every instance may purge; deleting twice is harmless.
 */
@Injectable()
export class ProjectPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('project-purge');
  private readonly timers: Timer[] = [];
  private sweeping = false;

  constructor(
    private readonly projects: ProjectRepository,
    private readonly purger: ProjectPurger,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRASH_DAYS) private readonly trashDays: number,
    @Inject(PURGE_SWEEP_SEC) private readonly sweepSec: number,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.purge().catch((e: Error) => this.logger.error(`purge failed: ${e.message}`));
    this.timers.push(this.clock.after(1000, run), this.clock.every(this.sweepSec * 1000, run));
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) timer.stop();
  }

  /** Purges every project due at the clock's now; resolves with their ids. A sweep under way makes this one a no-op. */
  async purge(): Promise<string[]> {
    if (this.sweeping) return [];
    this.sweeping = true;
    try {
      return await this.sweep();
    } finally {
      this.sweeping = false;
    }
  }

  private async sweep(): Promise<string[]> {
    const deletedBefore = new Date(this.clock.now() - this.trashDays * DAY_MS);
    const purged: string[] = [];
    const failed: string[] = [];
    for (;;) {
      const step = await this.projects.duePurge(deletedBefore, PROJECTS_PER_STEP, failed);
      for (const project of step) {
        try {
          const deleted = await this.purger.purge(project.id);
          this.logger.log(`purged project ${project.id} (${project.name}), in the trash for over ${this.trashDays} days: ${deleted.designs} design version(s), ${deleted.simulations} run(s)`);
          purged.push(project.id);
        } catch (error) {
          failed.push(project.id);
          this.logger.warn(`purge of project ${project.id} failed, left for the next sweep: ${(error as Error).message}`);
        }
      }
      if (step.length < PROJECTS_PER_STEP) return purged;
    }
  }
}
