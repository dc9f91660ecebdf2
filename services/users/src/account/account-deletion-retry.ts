import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock, type Timer } from '@architech/service-kit';
import { AccountDeletionService } from './account-deletion.service';

/** LIFECYCLE_SWEEP_SEC, as the retry reads it. */
export const DELETION_RETRY_SEC = Symbol('DELETION_RETRY_SEC');
/** The first retry after start: late enough for the projects service to answer. */
export const FIRST_RETRY_DELAY_MS = 5000;

/** Completes account deletions a service did not complete: five seconds after start, then every LIFECYCLE_SWEEP_SEC. */
@Injectable()
export class AccountDeletionRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('account-deletion');
  private readonly timers: Timer[] = [];
  private running = false;

  constructor(
    private readonly deletions: AccountDeletionService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELETION_RETRY_SEC) private readonly everySec: number,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.retry().catch((e: Error) => this.logger.error(`account deletion retry failed: ${e.message}`));
    this.timers.push(this.clock.after(FIRST_RETRY_DELAY_MS, run), this.clock.every(this.everySec * 1000, run));
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) timer.stop();
  }

  /** One pass over the deletions under way; a pass already running makes this one a no-op. */
  async retry(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.deletions.retryPending();
    } finally {
      this.running = false;
    }
  }
}
