import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock, type Timer } from '@architech/service-kit';
import { DeliverableRepository } from './deliverable.repository';

/** RETENTION_REPORTS_DAYS and LIFECYCLE_SWEEP_SEC as the job reads them. */
export interface ReportRetentionSettings {
  /** Days a deliverable is kept (its `expiresAt` is set from this when it is created); 0: kept forever. */
  reportsDays: number;
  sweepSec: number;
}

export const REPORT_RETENTION_SETTINGS = Symbol('REPORT_RETENTION_SETTINGS');
/** Deliverables one statement expires; a sweep repeats until none is due. */
export const DELIVERABLES_PER_STEP = 100;
/** A deliverable still generating after this long lost its generator (a restart): it is failed with that reason. */
export const STALE_GENERATION_MS = 15 * 60_000;
/** The first sweep after start. */
export const FIRST_REPORT_SWEEP_DELAY_MS = 5000;

/**
 * Report retention (docs/data-lifecycle.md): every LIFECYCLE_SWEEP_SEC on the injected clock,
 * marks deliverables whose `expiresAt` has passed `expired` and deletes their content (the row
 * stays, so the run page and a download can say the report expired); also fails deliverables left
 * generating by an instance that stopped. Idempotent: every instance may sweep.
 */
@Injectable()
export class ReportRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('report-retention');
  private readonly timers: Timer[] = [];
  private sweeping = false;

  constructor(
    @Inject(REPORT_RETENTION_SETTINGS) private readonly settings: ReportRetentionSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly deliverables: DeliverableRepository,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.sweep().catch((e: Error) => this.logger.error(`report retention sweep failed: ${e.message}`));
    this.timers.push(this.clock.after(FIRST_REPORT_SWEEP_DELAY_MS, run), this.clock.every(this.settings.sweepSec * 1000, run));
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) timer.stop();
  }

  /** Expires every deliverable due at the clock's now; resolves with the expired ids (and the failed stale ones). */
  async sweep(): Promise<{ expired: string[]; failedStale: string[] }> {
    if (this.sweeping) return { expired: [], failedStale: [] };
    this.sweeping = true;
    try {
      const now = new Date(this.clock.now());
      const failedStale = await this.deliverables.failStale(new Date(now.getTime() - STALE_GENERATION_MS), 'generation was interrupted (the service stopped); generate the report again', now);
      const expired: string[] = [];
      for (;;) {
        const step = await this.deliverables.expireDue(now, DELIVERABLES_PER_STEP);
        expired.push(...step);
        if (step.length < DELIVERABLES_PER_STEP) break;
      }
      if (expired.length > 0) this.logger.log(`expired ${expired.length} report(s) (retention ${this.settings.reportsDays} days)`);
      return { expired, failedStale };
    } finally {
      this.sweeping = false;
    }
  }
}
