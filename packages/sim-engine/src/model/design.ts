import type {
  Arrival,
  ArrivalProfile,
  AutoscalingPolicy,
  CircuitBreakerPolicy,
  Component,
  ComponentOf,
  Fault,
  ResolvedConnection,
  ResolvedDesign,
  RateLimitPolicy,
  RetryPolicy,
  ServerlessPolicy,
  SimulationConfig,
} from '@architech/contracts';

/*
 * The engine's input: the formats of `@architech/contracts`, with every default filled in (the
 * schemas' output, and `resolveDesign` for the connections' call roles). The engine has no
 * defaults of its own; these aliases only name what its models read.
 */

export type DesignSpec = ResolvedDesign;
export type ComponentSpec = Component;
export type ConnectionSpec = ResolvedConnection;
/** SERVICE, DATABASE and CACHE: the components that queue work. */
export type StationSpec = ComponentOf<'SERVICE' | 'DATABASE' | 'CACHE'>;
export type ClientSpec = ComponentOf<'CLIENT'>;
export type LoadBalancerSpec = ComponentOf<'LOAD_BALANCER'>;
export type QueueSpec = ComponentOf<'QUEUE'>;
export type ArrivalSpec = Arrival;
export type ArrivalProfileSpec = ArrivalProfile;
export type RetrySpec = RetryPolicy;
export type CircuitBreakerSpec = CircuitBreakerPolicy;
export type AutoscalingSpec = AutoscalingPolicy;
export type ServerlessSpec = ServerlessPolicy;
export type RateLimitSpec = RateLimitPolicy;
export type FaultSpec = Fault;
/** How to run a design: the validated simulation configuration (its `hypothesis` is ignored). */
export type RunConfigSpec = SimulationConfig;
export type TracingSpec = SimulationConfig['tracing'];
export type WorkloadSpec = NonNullable<SimulationConfig['workload']>;
