import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock, type Timer } from '@architech/service-kit';
import { ProjectRepository } from '../repositories/project.repository';
import { TRASH_DAYS } from '../services/projects.service';

/** LIFECYCLE_SWEEP_SEC, as the purge reads it. */
export const PURGE_SWEEP_SEC = Symbol('PURGE_SWEEP_SEC');
/** Projects one purge statement deletes: a bounded transaction, even after a long outage. */
export const PROJECTS_PER_STEP = 50;

const DAY_MS = 86_400_000;

/**
 * Deletes for good the projects that have been in the trash longer than PROJECT_TRASH_DAYS
 * (docs/data-lifecycle.md), with their memberships and requirements. Runs on the clock it is
 * given: soon after start, then every LIFECYCLE_SWEEP_SEC. Every instance may purge; a project
 * is deleted once.
 */
@Injectable()
export class ProjectPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('project-purge');
  private readonly timers: Timer[] = [];

  constructor(
    private readonly projects: ProjectRepository,
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

  /** Purges every project due at the clock's now; resolves with their ids. */
  async purge(): Promise<string[]> {
    const deletedBefore = new Date(this.clock.now() - this.trashDays * DAY_MS);
    const purged: string[] = [];
    for (;;) {
      const step = await this.projects.purge(deletedBefore, PROJECTS_PER_STEP);
      for (const project of step) this.logger.log(`purged project ${project.id} (${project.name}), in the trash for over ${this.trashDays} days`);
      purged.push(...step.map((p) => p.id));
      if (step.length < PROJECTS_PER_STEP) return purged;
    }
  }
}
