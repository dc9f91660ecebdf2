import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { elementIdSchema } from './design.schema';

const window = {
  target: elementIdSchema,
  startSec: z.number().min(0),
  /** Omitted: the fault lasts until the end of the run. */
  durationSec: z.number().positive().optional(),
};

/**
 * A fault injected during a run (docs/engine.md).
 *
 * @example { "type": "crash", "target": "db", "startSec": 30, "durationSec": 20 }
 */
export const faultSchema = z.discriminatedUnion('type', [
  /** Replicas of a component stop: in-flight and queued requests fail, new ones are refused. */
  z.strictObject({ ...window, type: z.literal('crash'), replicas: z.number().int().min(1).optional() }),
  /** Extra delay on every request served by a component or crossing a connection. */
  z.strictObject({ ...window, type: z.literal('latency'), delayMs: z.number().positive() }),
  /** A component answers a fraction `rate` of its requests with an error. */
  z.strictObject({ ...window, type: z.literal('error'), rate: z.number().gt(0).max(1).default(DEFAULTS.errorFault.rate) }),
  /** Messages across a connection (or every connection of a component) are lost with probability `rate`. */
  z.strictObject({ ...window, type: z.literal('packet_loss'), rate: z.number().gt(0).max(1) }),
  /** No message crosses the connection (or any connection of the component). */
  z.strictObject({ ...window, type: z.literal('partition') }),
  /** Service times of a component are multiplied by `factor`. */
  z.strictObject({ ...window, type: z.literal('slowdown'), factor: z.number().min(1).default(DEFAULTS.slowdownFault.factor) }),
]);

export const FAULT_TYPES = ['crash', 'latency', 'error', 'packet_loss', 'partition', 'slowdown'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];
export type Fault = z.output<typeof faultSchema>;
