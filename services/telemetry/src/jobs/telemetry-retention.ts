import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BUS_TOPICS, encodeTelemetryExpired } from '@architech/contracts';
import { CLOCK, type Clock, type EventBus, type MetricStore, type Timer, type TraceStore } from '@architech/service-kit';
import { PeersRepository } from '../repositories/peers.repository';
import { EVENT_BUS, METRIC_STORE, RETENTION_SETTINGS, TRACE_STORE } from '../tokens';

/** RETENTION_TELEMETRY_DAYS and LIFECYCLE_SWEEP_SEC, as the job reads them. */
export interface RetentionSettings {
  /** Days after a run finished that its telemetry is kept; 0: forever (the job never runs). */
  telemetryDays: number;
  sweepSec: number;
}

const DAY_MS = 86_400_000;
/** Runs one step of a sweep deletes: each store deletes them in bounded statements of its own. */
export const RUNS_PER_STEP = 20;
/** The first sweep after start: late enough for the simulations service to answer. */
export const FIRST_SWEEP_DELAY_MS = 5000;

/**
 * Deletes the series, traces and logs of runs that finished more than RETENTION_TELEMETRY_DAYS
 * ago (docs/data-lifecycle.md). Which runs those are is the simulations service's to say (it
 * knows when each finished); this job deletes them from both stores, a few runs at a time, then
 * publishes a TelemetryExpiredEvent per run on `BUS_TOPICS.telemetryExpiry`, from which the
 * simulations service records `telemetryExpiredAt`. Deleting twice is harmless: a run whose event
 * was lost is simply found and expired again by a later sweep. Every instance may sweep.
 */
@Injectable()
export class TelemetryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('telemetry-retention');
  private readonly timers: Timer[] = [];
  private sweeping = false;

  constructor(
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly peers: PeersRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.telemetryDays === 0) return;
    const run = () => void this.sweep().catch((e: Error) => this.logger.error(`retention sweep failed: ${e.message}`));
    this.timers.push(this.clock.after(FIRST_SWEEP_DELAY_MS, run), this.clock.every(this.settings.sweepSec * 1000, run));
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) timer.stop();
  }

  /**
   * Expires every run due at the clock's now; resolves with the ids it expired. A sweep already
   * under way makes this one a no-op. Runs the simulations service still lists as kept after
   * this sweep expired them (their events not yet applied) are left for the next sweep.
   */
  async sweep(): Promise<string[]> {
    if (this.sweeping || this.settings.telemetryDays === 0) return [];
    this.sweeping = true;
    const expired: string[] = [];
    try {
      const finishedBefore = new Date(this.clock.now() - this.settings.telemetryDays * DAY_MS);
      const done = new Set<string>();
      for (;;) {
        const due = (await this.peers.telemetryDue(finishedBefore, RUNS_PER_STEP)).filter((id) => !done.has(id));
        if (due.length === 0) break;
        await this.metrics.deleteSimulations(due);
        await this.traces.deleteSimulations(due);
        const expiredAt = new Date(this.clock.now()).toISOString();
        await this.bus.publish(
          BUS_TOPICS.telemetryExpiry,
          due.map((simulationId) => ({ key: simulationId, value: encodeTelemetryExpired({ simulationId, expiredAt, retentionDays: this.settings.telemetryDays }) })),
        );
        for (const id of due) done.add(id);
        expired.push(...due);
      }
    } finally {
      this.sweeping = false;
    }
    if (expired.length > 0) this.logger.log(`expired the telemetry of ${expired.length} run(s) (retention ${this.settings.telemetryDays} days)`);
    return expired;
  }
}
