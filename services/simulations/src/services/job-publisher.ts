import { Inject, Injectable } from '@nestjs/common';
import {
  BUS_TOPICS,
  busTimestamp,
  encodeSimulationJob,
  encodeSimulationStatusEvent,
  SimulationStatus,
  type Design,
  type SimulationConfig,
  type SimulationState,
  type SimulationStatusUpdate,
} from '@architech/contracts';
import { currentRequestContext, type EventBus } from '@architech/service-kit';
import type { SimulationRecord } from '../repositories/simulation.repository';

export const EVENT_BUS = Symbol('EVENT_BUS');

const STATUS_CODES: Record<SimulationState, SimulationStatus> = {
  PENDING: SimulationStatus.PENDING,
  RUNNING: SimulationStatus.RUNNING,
  COMPLETED: SimulationStatus.COMPLETED,
  FAILED: SimulationStatus.FAILED,
  CANCELLED: SimulationStatus.CANCELLED,
};

/** Puts jobs and status events on the bus as protobuf binary, keyed by simulation id (order per simulation). */
@Injectable()
export class JobPublisher {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async publishJob(record: SimulationRecord, design: Design, config: SimulationConfig): Promise<void> {
    const context = currentRequestContext();
    const traceContext: Record<string, string> = {};
    if (context?.traceparent) traceContext.traceparent = context.traceparent;
    const job = encodeSimulationJob({
      simulationId: record.id,
      designVersionId: record.designId,
      userId: record.userId,
      designJson: JSON.stringify(design),
      configurationJson: JSON.stringify(config),
      requestedAt: busTimestamp(),
      traceContext,
    });
    await this.bus.publish(BUS_TOPICS.simulationJobs, [{ key: record.id, value: job, headers: traceContext }]);
    await this.publishStatus({ id: record.id, status: 'PENDING', progress: 0, sequence: 0 });
  }

  async publishStatus(update: SimulationStatusUpdate, extra: { summaryJson?: string; workerId?: string } = {}): Promise<void> {
    const event = encodeSimulationStatusEvent({
      simulationId: update.id,
      status: STATUS_CODES[update.status],
      progress: update.progress,
      replication: update.replication ?? 0,
      replications: update.replications ?? 0,
      simTimeMs: update.simTimeMs ?? 0,
      events: BigInt(Math.round(update.events ?? 0)),
      errorMessage: update.error ?? '',
      summaryJson: extra.summaryJson ?? '',
      occurredAt: busTimestamp(),
      workerId: extra.workerId ?? '',
      sequence: BigInt(update.sequence),
    });
    await this.bus.publish(BUS_TOPICS.simulationStatus, [{ key: update.id, value: event }]);
  }
}
