/**
 * Bus topic of each message kind (docs/architecture.md §3): one topic per kind, every message keyed by
 * its simulation id so that a simulation's messages keep their order.
 *
 * @example
 * await bus.publish(BUS_TOPICS.simulationStatus, event.simulationId, encodeSimulationStatusEvent(event));
 */
export const BUS_TOPICS = {
  /** `SimulationJob`s for the engine workers. */
  simulationJobs: 'architech.simulation.jobs',
  /** `SimulationStatusEvent`s from the engine workers. */
  simulationStatus: 'architech.simulation.status',
  /** `MetricBatch`es for the metric store. */
  metrics: 'architech.telemetry.metrics',
  /** `SpanBatch`es for the trace store. */
  spans: 'architech.telemetry.spans',
  /** `LogBatch`es for the log store. */
  logs: 'architech.telemetry.logs',
} as const;

/** A bus topic name. */
export type BusTopic = (typeof BUS_TOPICS)[keyof typeof BUS_TOPICS];
