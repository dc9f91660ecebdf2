import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { distributionSchema } from './distribution.schema';
import { LIMITS } from './limits';

/**
 * Serverless behaviour of a SERVICE, DATABASE or CACHE (functions, scale-to-zero containers): instead of
 * fixed `replicas`, instances start on demand up to `maxConcurrency` calls in flight; a call beyond it
 * is throttled (counted like a drop). The first call a new instance serves waits `coldStart` on top of
 * its service time; an instance idle for `idleTimeoutSec` is reclaimed. Billing is per invocation and
 * per GB-second of `memoryMb` (docs/providers.md).
 */
export const serverlessSchema = z.strictObject({
  /** Calls in flight at most over all instances (Lambda's reserved / account concurrency). */
  maxConcurrency: z.number().int().min(1).max(LIMITS.maxServerlessConcurrency),
  /** Calls one instance serves at once (1 for Lambda; Cloud Run and Container Apps allow more). */
  concurrencyPerInstance: z.number().int().min(1).max(1000).default(DEFAULTS.serverless.concurrencyPerInstance),
  /** Extra latency of the first call served by a new instance. */
  coldStart: distributionSchema,
  /** Seconds an idle instance stays warm before it is reclaimed. */
  idleTimeoutSec: z.number().positive().max(LIMITS.maxDurationSec).default(DEFAULTS.serverless.idleTimeoutSec),
  /** Memory of one instance, MB (for GB-second billing). */
  memoryMb: z.number().int().min(64).max(32_768).default(DEFAULTS.serverless.memoryMb),
});

/**
 * A token-bucket admission limit in front of a component (API gateway throttling, DynamoDB on-demand
 * throughput): `perSec` tokens refill each second up to `burst`; a call finding no token is throttled
 * (counted like a drop).
 */
export const rateLimitSchema = z.strictObject({
  perSec: z.number().positive().max(LIMITS.maxRatePerSec),
  burst: z.number().int().min(1).max(LIMITS.maxRatePerSec),
});

export type ServerlessPolicy = z.output<typeof serverlessSchema>;
export type RateLimitPolicy = z.output<typeof rateLimitSchema>;
