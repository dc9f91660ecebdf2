import type { Design, SimulationConfig, SimulationJobMessage, SimulationStatusMessage, SimulationStatusUpdate, SimulationSummaryDto } from '@architech/contracts';
import type { Subscription } from '@architech/service-kit';
import type { SimulationResult } from '@architech/sim-engine';
import type { JobBusRepository } from '../../src/repositories/job-bus.repository';
import type { SimulationRecord } from '../../src/repositories/simulation.repository';
import type { TelemetryBusRepository } from '../../src/repositories/telemetry-bus.repository';
import type { FinalTelemetry, LiveTelemetry } from '../../src/services/final-telemetry';

/** A status event as published: the update and the bus-only fields. */
export type PublishedStatus = SimulationStatusUpdate & { workerId?: string; summary?: SimulationSummaryDto };

/**
 * JobBusRepository in memory. Like the in-process bus, a published job reaches the job consumer
 * (when one consumes) on a later turn of the event loop.
 */
export class FakeJobBus {
  readonly jobs: SimulationJobMessage[] = [];
  readonly statuses: PublishedStatus[] = [];
  readonly statusGroups: string[] = [];
  jobHandler: ((job: SimulationJobMessage) => Promise<void>) | undefined;
  statusHandler: ((event: SimulationStatusMessage) => void) | undefined;
  stopped = 0;

  asRepository(): JobBusRepository {
    return this as unknown as JobBusRepository;
  }

  async publishJob(record: SimulationRecord, design: Design, config: SimulationConfig): Promise<void> {
    const job: SimulationJobMessage = { simulationId: record.id, designVersionId: record.designId, userId: record.userId, design, configuration: config, traceContext: {} };
    this.jobs.push(job);
    await this.publishStatus({ id: record.id, status: 'PENDING', progress: 0, sequence: 0 });
    const handler = this.jobHandler;
    if (handler) setImmediate(() => void handler(job));
  }

  async publishStatus(update: SimulationStatusUpdate, extra: { summary?: SimulationSummaryDto; workerId?: string } = {}): Promise<void> {
    this.statuses.push({ ...update, ...extra });
  }

  async consumeJobs(handler: (job: SimulationJobMessage) => Promise<void>): Promise<Subscription> {
    this.jobHandler = handler;
    return { stop: async () => void this.stopped++ };
  }

  async followStatus(group: string, handler: (event: SimulationStatusMessage) => void): Promise<Subscription> {
    this.statusGroups.push(group);
    this.statusHandler = handler;
    return { stop: async () => void this.stopped++ };
  }

  statusesOf(id: string): string[] {
    return this.statuses.filter((s) => s.id === id).map((s) => s.status);
  }
}

/** TelemetryBusRepository in memory: what was published, by kind. */
export class FakeTelemetryBus {
  readonly live: LiveTelemetry[] = [];
  readonly results: { simulationId: string; result: SimulationResult }[] = [];
  readonly finals: FinalTelemetry[] = [];
  /** Set: live publications fail with this error (a broker that went away). */
  liveFailure: Error | undefined;

  asRepository(): TelemetryBusRepository {
    return this as unknown as TelemetryBusRepository;
  }

  async publishLive(live: LiveTelemetry): Promise<void> {
    if (this.liveFailure) throw this.liveFailure;
    this.live.push(live);
  }

  async publish(simulationId: string, result: SimulationResult): Promise<void> {
    this.results.push({ simulationId, result });
  }

  async publishFinal(final: FinalTelemetry): Promise<void> {
    this.finals.push(final);
  }
}
