import { Inject, Injectable } from '@nestjs/common';
import {
  BUS_TOPICS,
  decodeSimulationJob,
  decodeSimulationStatusEvent,
  encodeSimulationJob,
  encodeSimulationStatusEvent,
  statusSequence,
  type Design,
  type SimulationConfig,
  type SimulationJobMessage,
  type SimulationStatusMessage,
  type SimulationStatusUpdate,
  type SimulationSummaryDto,
} from '@architech/contracts';
import { currentRequestContext, decodeOrSkip, type EventBus, type Subscription } from '@architech/service-kit';
import { EVENT_BUS } from './event-bus.token';
import type { SimulationRecord } from './simulation.repository';

/** Consumer group shared by every instance's job consumer, so instances share the jobs. */
const WORKERS_GROUP = 'simulations-workers';

/**
 * Jobs and status events on the bus, through the contracts' codecs, keyed by simulation id (order
 * per simulation). A message that does not decode is skipped by the bus, never handed on.
 */
@Injectable()
export class JobBusRepository {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async publishJob(record: SimulationRecord, design: Design, config: SimulationConfig): Promise<void> {
    const context = currentRequestContext();
    const traceContext: Record<string, string> = {};
    if (context?.traceparent) traceContext.traceparent = context.traceparent;
    const job = encodeSimulationJob({ simulationId: record.id, designVersionId: record.designId, userId: record.userId, design, configuration: config, traceContext });
    await this.bus.publish(BUS_TOPICS.simulationJobs, [{ key: record.id, value: job, headers: traceContext }]);
    await this.publishStatus({ id: record.id, status: 'PENDING', progress: 0, sequence: statusSequence('PENDING') });
  }

  /** `extra.workerId` names the instance running it; `extra.summary` goes with COMPLETED. */
  async publishStatus(update: SimulationStatusUpdate, extra: { summary?: SimulationSummaryDto; workerId?: string } = {}): Promise<void> {
    await this.bus.publish(BUS_TOPICS.simulationStatus, [{ key: update.id, value: encodeSimulationStatusEvent({ ...update, ...extra }) }]);
  }

  /** Hands every job to `handler`; the job leaves the bus when the handler resolves. */
  consumeJobs(handler: (job: SimulationJobMessage) => Promise<void>): Promise<Subscription> {
    return this.bus.subscribe({ topic: BUS_TOPICS.simulationJobs, group: WORKERS_GROUP }, (message) => handler(decodeOrSkip('simulation job', message.value, decodeSimulationJob)));
  }

  /** Hands every status event to `handler`, in consumer group `group`. */
  followStatus(group: string, handler: (event: SimulationStatusMessage) => void): Promise<Subscription> {
    return this.bus.subscribe({ topic: BUS_TOPICS.simulationStatus, group }, async (message) => handler(decodeOrSkip('status event', message.value, decodeSimulationStatusEvent)));
  }
}
