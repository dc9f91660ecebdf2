import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { elementIdSchema } from './design.schema';
import { faultSchema } from './fault.schema';
import { hypothesisSchema } from './hypothesis.schema';
import { LIMITS } from './limits';

/** Sampling of traces and the memory bound of traces and logs. */
export const tracingSchema = z.strictObject({
  /** Head sampling probability of a request; errored and slowest requests are kept regardless. */
  sampleRate: z.number().min(0).max(1).default(DEFAULTS.tracing.sampleRate),
  maxTraces: z.number().int().min(0).max(LIMITS.maxTraces).default(DEFAULTS.tracing.maxTraces),
  /** How many of the slowest requests are always kept. */
  slowest: z.number().int().min(0).max(1000).default(DEFAULTS.tracing.slowest),
  maxLogs: z.number().int().min(0).max(LIMITS.maxLogs).default(DEFAULTS.tracing.maxLogs),
});

/**
 * The offered load of a run, overriding the design's clients without editing the design: a base
 * rate per client id, then a multiplier on every client (arrival profiles scale along).
 *
 * @example { "rateMultiplier": 1.5, "clients": { "users": { "ratePerSec": 200 } } }
 */
export const workloadSchema = z.strictObject({
  rateMultiplier: z.number().positive().max(1000).default(DEFAULTS.workload.rateMultiplier),
  clients: z.record(elementIdSchema, z.strictObject({ ratePerSec: z.number().positive().max(LIMITS.maxRatePerSec) })).default({}),
});

/**
 * How to run a design (docs/engine.md).
 *
 * @example { "durationSec": 300, "warmupSec": "auto", "seed": 42, "replications": 5, "faults": [] }
 */
export const simulationConfigSchema = z
  .strictObject({
    durationSec: z.number().positive().max(LIMITS.maxDurationSec),
    warmupSec: z.union([z.number().min(0), z.literal('auto')]).default(DEFAULTS.simulation.warmupSec),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULTS.simulation.seed),
    replications: z.number().int().min(1).max(LIMITS.maxReplications).default(DEFAULTS.simulation.replications),
    /** Stopping rule: add replications until every headline metric's relative 95% CI half-width is below this. */
    targetRelError: z.number().gt(0).lt(1).optional(),
    maxReplications: z.number().int().min(2).max(LIMITS.maxReplications).default(DEFAULTS.simulation.maxReplications),
    faults: z.array(faultSchema).max(LIMITS.maxFaults).default([]),
    tracing: tracingSchema.default({ ...DEFAULTS.tracing }),
    /** Events budget of the whole simulation; exceeding it stops the run with an error. */
    maxEvents: z.number().int().positive().optional(),
    workload: workloadSchema.optional(),
    /** Steady-state hypothesis checked against the result (the engine ignores it). */
    hypothesis: hypothesisSchema.optional(),
  })
  .refine((c) => c.warmupSec === 'auto' || c.warmupSec < c.durationSec, {
    message: 'warmupSec must be shorter than durationSec',
    path: ['warmupSec'],
  });

export type SimulationConfigInput = z.input<typeof simulationConfigSchema>;
export type SimulationConfig = z.output<typeof simulationConfigSchema>;
