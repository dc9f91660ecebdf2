/**
 * @architech/sim-engine — the discrete-event engine. Pure TypeScript: no I/O, no ambient clock or
 * randomness; runs in Node and in browsers.
 */
export { simulate, SimulationCancelledError, EventBudgetExceededError, MAX_SERIES_CELLS } from './runtime/simulate';
export type { SimulateOptions } from './runtime/simulate';
export { runHosted } from './runtime/hosted-run';
export { simulateParallel } from './runtime/parallel-run';
export { ReplicationPool, ReplicationFailedError, serveReplications, nodeEnginePort, localEnginePort } from './runtime/replication-pool';
export type { EnginePort, NodeMessagePortLike, TaskMessage, TaskReply } from './runtime/replication-pool';
export type { ReplicationTask } from './runtime/run-plan';
export type { EngineHost, EngineMessage, HostedRunOptions } from './runtime/hosted-run';
export type { SimulationResult, SimulationProgress } from './runtime/result';
export type { FaultWindow } from './runtime/fault-injector';
export { MAX_HOPS } from './runtime/replication';
export type { SeriesBucket } from './runtime/replication';
export type * from './model/design';
export { applyWorkload } from './model/workload';
export type { Summary, ComponentSummary, EndToEndSummary, LatencySummary } from './metrics/summary';
export { SERIES_METRICS } from './metrics/series';
export type { SeriesSet, SeriesMetric } from './metrics/series';
export type { Span, Trace, LogRecord } from './tracing/span';
export { Scheduler } from './core/scheduler';
export * from './random';
export * from './stats';
export * from './checks';
export { ENGINE_VERSION } from './version';
export * from './review';
export * from './refine';
export * from './cost';
export * from './report';
