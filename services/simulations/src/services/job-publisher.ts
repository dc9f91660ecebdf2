import { Inject, Injectable } from '@nestjs/common';
import { BUS_TOPICS, encodeSimulationJob, encodeSimulationStatusEvent, statusSequence, type Design, type SimulationConfig, type SimulationStatusUpdate, type SimulationSummaryDto } from '@architech/contracts';
import { currentRequestContext, type EventBus } from '@architech/service-kit';
import type { SimulationRecord } from '../repositories/simulation.repository';

export const EVENT_BUS = Symbol('EVENT_BUS');

/** Puts jobs and status events on the bus through the contracts' codecs, keyed by simulation id (order per simulation). */
@Injectable()
export class JobPublisher {
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
}
