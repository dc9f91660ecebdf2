/**
 * Every default of the design and simulation formats, defined once. The zod schemas of this package
 * apply them (except the connection call-role defaults, applied by `resolveDesign`, so that a
 * misplaced `weight` or `stage` can still be named on re-validation); the engine receives input with
 * all of them filled in and has none of its own; the editor shows them as hints; the reference
 * table of docs/engine.md ("Defaults") is rendered from this object and a test keeps the two equal.
 */
export const DEFAULTS = {
  /** SERVICE, DATABASE and CACHE. */
  station: { replicas: 1, workers: 1, blockingCalls: false, fanOut: 'one', errorRate: 0 },
  loadBalancer: { strategy: 'round_robin' },
  queue: { maxDeliveries: 3 },
  connection: { packetLossRate: 0, weight: 1, stage: 1, probability: 1, optional: false },
  retry: { backoff: 'exponential', baseMs: 50, maxBackoffMs: 10_000, jitter: true },
  circuitBreaker: { halfOpenRequests: 1 },
  autoscaling: { scaleOutDelaySec: 30, cooldownSec: 60, evaluationIntervalSec: 15 },
  serverless: { concurrencyPerInstance: 1, idleTimeoutSec: 600, memoryMb: 1024 },
  rampProfile: { startSec: 0 },
  diurnalProfile: { periodSec: 86_400, phaseSec: 0 },
  errorFault: { rate: 1 },
  slowdownFault: { factor: 2 },
  simulation: { warmupSec: 0, seed: 1, replications: 1, maxReplications: 50 },
  tracing: { sampleRate: 0.01, maxTraces: 1000, slowest: 20, maxLogs: 10_000 },
  workload: { rateMultiplier: 1 },
} as const;

export type Defaults = typeof DEFAULTS;

/** Where each group of {@link DEFAULTS} lives in a document, as docs/engine.md names it. */
export const DEFAULTS_PLACES: Record<keyof Defaults, string> = {
  station: 'SERVICE, DATABASE, CACHE `properties`',
  loadBalancer: 'LOAD_BALANCER `properties`',
  queue: 'QUEUE `properties`',
  connection: 'connection `properties`',
  retry: '`retry`',
  circuitBreaker: '`circuitBreaker`',
  autoscaling: '`autoscaling`',
  serverless: '`serverless`',
  rampProfile: '`arrival.profile` with `shape: "ramp"`',
  diurnalProfile: '`arrival.profile` with `shape: "diurnal"`',
  errorFault: 'fault `error`',
  slowdownFault: 'fault `slowdown`',
  simulation: 'simulation configuration',
  tracing: 'configuration `tracing`',
  workload: 'configuration `workload`',
};

/** A default as documents write it: `86 400`, `` `round_robin` ``, `false`. */
export function formatDefault(value: string | number | boolean): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'number') return Math.abs(value) >= 10_000 ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(value);
  return String(value);
}

/** The "Defaults" reference table of docs/engine.md, rendered from {@link DEFAULTS}. */
export function renderDefaultsTable(): string {
  const rows = (Object.keys(DEFAULTS) as (keyof Defaults)[]).flatMap((group) =>
    Object.entries(DEFAULTS[group]).map(([field, value]) => `| ${DEFAULTS_PLACES[group]} | \`${field}\` | ${formatDefault(value)} |`),
  );
  return ['| where | field | default |', '|---|---|---|', ...rows].join('\n');
}
