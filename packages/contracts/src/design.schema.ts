import { z } from 'zod';
import { arrivalSchema } from './arrival.schema';
import { DEFAULTS } from './defaults';
import { distributionSchema } from './distribution.schema';
import { LIMITS } from './limits';
import { providerRefSchema } from './providers/provider-ref.schema';
import { autoscalingSchema, circuitBreakerSchema, retrySchema } from './resilience.schema';
import { rateLimitSchema, serverlessSchema } from './serverless.schema';

/** Identifier of a component or connection; also the name faults and metrics use. */
export const elementIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.maxIdLength)
  .regex(/^[A-Za-z0-9_.:>-]+$/, 'use letters, digits and _ . : - > only');

const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

/** Properties every component that queues work shares (SERVICE, DATABASE, CACHE). */
const stationProperties = {
  replicas: z.number().int().min(1).max(LIMITS.maxReplicas).default(DEFAULTS.station.replicas),
  workers: z.number().int().min(1).max(LIMITS.maxWorkers).default(DEFAULTS.station.workers),
  serviceTime: distributionSchema,
  queueCapacity: z.number().int().min(0).optional(),
  timeoutMs: z.number().positive().optional(),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
  autoscaling: autoscalingSchema.optional(),
  blockingCalls: z.boolean().default(DEFAULTS.station.blockingCalls),
  /** `one`: each forwarded request calls one downstream, picked by weight; `all`: every downstream, in stages. */
  fanOut: z.enum(['one', 'all']).default(DEFAULTS.station.fanOut),
  errorRate: z.number().min(0).max(1).default(DEFAULTS.station.errorRate),
  /** Instances on demand instead of fixed `replicas` (functions, scale-to-zero containers). */
  serverless: serverlessSchema.optional(),
  /** Token-bucket admission limit (API gateway throttling, on-demand table throughput). */
  rateLimit: rateLimitSchema.optional(),
  /** The provider building block this component stands for (prices it). */
  provider: providerRefSchema.optional(),
};

const base = {
  id: elementIdSchema,
  name: z.string().max(200).optional(),
  position: positionSchema.optional(),
};

const clientComponent = z.strictObject({
  ...base,
  type: z.literal('CLIENT'),
  properties: z.strictObject({ arrival: arrivalSchema }),
});

const serviceComponent = z.strictObject({ ...base, type: z.literal('SERVICE'), properties: z.strictObject(stationProperties) });
const databaseComponent = z.strictObject({ ...base, type: z.literal('DATABASE'), properties: z.strictObject(stationProperties) });
const cacheComponent = z.strictObject({
  ...base,
  type: z.literal('CACHE'),
  properties: z.strictObject({ ...stationProperties, hitRatio: z.number().min(0).max(1) }),
});

const loadBalancerComponent = z.strictObject({
  ...base,
  type: z.literal('LOAD_BALANCER'),
  properties: z
    .strictObject({
      strategy: z.enum(['round_robin', 'random', 'least_connections']).default(DEFAULTS.loadBalancer.strategy),
      serviceTime: distributionSchema.optional(),
      timeoutMs: z.number().positive().optional(),
      retry: retrySchema.optional(),
      circuitBreaker: circuitBreakerSchema.optional(),
      rateLimit: rateLimitSchema.optional(),
      provider: providerRefSchema.optional(),
    })
    .default({ ...DEFAULTS.loadBalancer }),
});

const queueComponent = z.strictObject({
  ...base,
  type: z.literal('QUEUE'),
  properties: z
    .strictObject({
      capacity: z.number().int().min(0).optional(),
      maxDeliveries: z.number().int().min(1).max(LIMITS.maxRetryAttempts).default(DEFAULTS.queue.maxDeliveries),
      consumerConcurrency: z.number().int().min(1).max(LIMITS.maxWorkers).optional(),
      provider: providerRefSchema.optional(),
    })
    .default({ ...DEFAULTS.queue }),
});

/** The component types a design may use. */
export const COMPONENT_TYPES = ['CLIENT', 'LOAD_BALANCER', 'SERVICE', 'DATABASE', 'CACHE', 'QUEUE'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** One node of a design: a typed component with properties and a canvas position. */
export const componentSchema = z.discriminatedUnion('type', [
  clientComponent,
  loadBalancerComponent,
  serviceComponent,
  databaseComponent,
  cacheComponent,
  queueComponent,
]);

/** One directed edge of a design: requests flow from `source` to `target`, responses back. */
export const connectionSchema = z.strictObject({
  id: elementIdSchema,
  source: elementIdSchema,
  target: elementIdSchema,
  properties: z
    .strictObject({
      latency: distributionSchema.optional(),
      packetLossRate: z.number().min(0).max(1).default(DEFAULTS.connection.packetLossRate),
      /** Routing weight among the source's downstreams when it picks one (default 1; kept as written so a misplaced weight can be named). */
      weight: z.number().positive().optional(),
      /** Under a `fanOut: "all"` source: calls of one stage run in parallel, stage n + 1 after stage n settles. Default 1. */
      stage: z.number().int().min(1).max(LIMITS.maxStage).optional(),
      /** Under a `fanOut: "all"` source: share of requests that make this call, drawn per request. Default 1. */
      probability: z.number().min(0).max(1).optional(),
      /** The caller tolerates this call's failure (a fallback). Default false. */
      optional: z.boolean().optional(),
    })
    .default({ packetLossRate: DEFAULTS.connection.packetLossRate }),
  /** Bend points the user placed on the canvas, in order (drawing only; the engine ignores them). */
  waypoints: z.array(positionSchema).max(32).optional(),
});

/**
 * A design document (docs/architecture.md §4). Parse it with {@link validateDesign}, which adds the
 * graph checks a schema cannot express (dangling connections, cycles, unique ids).
 */
export const designSchema = z.strictObject({
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  components: z.array(componentSchema).max(LIMITS.maxComponents),
  connections: z.array(connectionSchema).max(LIMITS.maxConnections).default([]),
});

/** A design as written (defaults may be missing). */
export type DesignInput = z.input<typeof designSchema>;
/** A validated design with every default filled in. */
export type Design = z.output<typeof designSchema>;
export type Component = z.output<typeof componentSchema>;
export type Connection = z.output<typeof connectionSchema>;
