import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { LIMITS } from './limits';

/**
 * How callers retry a failed call to this component (error, timeout, drop, lost message). Calls
 * rejected by an open circuit breaker are not retried.
 */
export const retrySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(LIMITS.maxRetryAttempts),
  backoff: z.enum(['exponential', 'constant']).default(DEFAULTS.retry.backoff),
  baseMs: z.number().min(0).default(DEFAULTS.retry.baseMs),
  maxBackoffMs: z.number().min(0).default(DEFAULTS.retry.maxBackoffMs),
  jitter: z.boolean().default(DEFAULTS.retry.jitter),
});

/** A count-based circuit breaker in front of this component, shared by all its callers. */
export const circuitBreakerSchema = z.strictObject({
  failureThreshold: z.number().gt(0).max(1),
  windowSize: z.number().int().min(1).max(10_000),
  openMs: z.number().positive(),
  halfOpenRequests: z.number().int().min(1).max(1000).default(DEFAULTS.circuitBreaker.halfOpenRequests),
});

/** Horizontal autoscaling of replicas on observed utilisation (the Kubernetes HPA rule). */
export const autoscalingSchema = z
  .strictObject({
    minReplicas: z.number().int().min(1).max(LIMITS.maxReplicas),
    maxReplicas: z.number().int().min(1).max(LIMITS.maxReplicas),
    targetUtilization: z.number().gt(0).max(1),
    scaleOutDelaySec: z.number().min(0).default(DEFAULTS.autoscaling.scaleOutDelaySec),
    cooldownSec: z.number().min(0).default(DEFAULTS.autoscaling.cooldownSec),
    evaluationIntervalSec: z.number().positive().default(DEFAULTS.autoscaling.evaluationIntervalSec),
  })
  .refine((a) => a.maxReplicas >= a.minReplicas, { message: 'maxReplicas must be at least minReplicas', path: ['maxReplicas'] });

export type RetryPolicy = z.output<typeof retrySchema>;
export type CircuitBreakerPolicy = z.output<typeof circuitBreakerSchema>;
export type AutoscalingPolicy = z.output<typeof autoscalingSchema>;
