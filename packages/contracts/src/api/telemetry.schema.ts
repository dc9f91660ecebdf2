import { z } from 'zod';
import { LOG_LEVELS, METRIC_NAMES, type LogLevelName, type SpanKindName, type SpanStatusCodeName, type TraceKeepReasonName } from './telemetry-names';

export * from './telemetry-names';

const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Most component ids one metrics query may list: a dashboard asks for one metric's lines at once. */
export const MAX_QUERIED_COMPONENTS = 100;

const queriedComponentId = z.string().min(1).max(64);

/**
 * `GET /api/simulations/:id/metrics` query: `from`/`to` in simulated seconds.
 *
 * @example
 * ```ts
 * metricQuerySchema.parse({ metric: 'utilization', component: 'api,db' }).component; // ['api', 'db']
 * ```
 */
export const metricQuerySchema = z.strictObject({
  /** One of {@link METRIC_NAMES}; any other name is refused (400 naming `metric`). */
  metric: z.enum(METRIC_NAMES, { error: () => `must be one of ${METRIC_NAMES.join(', ')}` }),
  /**
   * Component ids (or {@link END_TO_END}), comma-separated, at most {@link MAX_QUERIED_COMPONENTS}
   * (design ids hold no comma); omitted: every component and the end-to-end view.
   */
  component: z
    .string()
    .min(1)
    .transform((list) => list.split(','))
    .pipe(z.array(queriedComponentId).max(MAX_QUERIED_COMPONENTS, `list at most ${MAX_QUERIED_COMPONENTS} components`))
    .optional(),
  from: z.coerce.number().min(0).optional(),
  to: z.coerce.number().min(0).optional(),
  /** At most this many points per series (bucket means). */
  maxPoints: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/** Most queries one metrics batch may hold: every metric twice over. */
export const MAX_METRIC_BATCH_QUERIES = 32;
/** Most points a metrics batch may ask for, `queries × maxPoints` (a series never exceeds `maxPoints`). */
export const MAX_METRIC_BATCH_POINTS = 200_000;

/** One query of a metrics batch: one metric, of the listed components or of every component. */
const metricBatchQuerySchema = z.strictObject({
  metric: z.enum(METRIC_NAMES, { error: () => `must be one of ${METRIC_NAMES.join(', ')}` }),
  /** Component ids (or {@link END_TO_END}), 1–{@link MAX_QUERIED_COMPONENTS}; omitted: every component and the end-to-end view. */
  component: z.array(queriedComponentId).min(1).max(MAX_QUERIED_COMPONENTS, `list at most ${MAX_QUERIED_COMPONENTS} components`).optional(),
});

/**
 * `POST /api/simulations/:id/metrics/batch` body: several metrics queries over one time window,
 * answered in one request (a dashboard's every chart, a replay's every metric). `from`/`to` in
 * simulated seconds; each series at most `maxPoints` points; `queries × maxPoints` at most
 * {@link MAX_METRIC_BATCH_POINTS}.
 *
 * @example
 * ```ts
 * metricBatchSchema.parse({ queries: [{ metric: 'arrivals', component: ['_end_to_end'] }, { metric: 'utilization' }], maxPoints: 450 });
 * ```
 */
export const metricBatchSchema = z
  .strictObject({
    queries: z.array(metricBatchQuerySchema).min(1).max(MAX_METRIC_BATCH_QUERIES, `list at most ${MAX_METRIC_BATCH_QUERIES} queries`),
    from: z.number().min(0).optional(),
    to: z.number().min(0).optional(),
    maxPoints: z.number().int().min(1).max(10_000).default(1000),
  })
  .check((ctx) => {
    const { queries, maxPoints } = ctx.value;
    if (queries.length * maxPoints > MAX_METRIC_BATCH_POINTS) {
      ctx.issues.push({ code: 'custom', path: ['maxPoints'], input: maxPoints, message: `${queries.length} queries × ${maxPoints} points exceed ${MAX_METRIC_BATCH_POINTS.toLocaleString('en-US')} points per batch` });
    }
  });

export type MetricBatchParams = z.input<typeof metricBatchSchema>;

/** `POST /api/simulations/:id/metrics/batch` answer: one answer per query, in the order asked. */
export interface MetricBatchResponse {
  results: MetricSeriesResponse[];
}

/** `GET /api/simulations/:id/traces` query, ordered by start time. */
export const traceQuerySchema = z.strictObject({
  status: z.enum(['OK', 'ERROR']).optional(),
  minDurationMs: z.coerce.number().min(0).optional(),
  /** Traces with at least one span on this component. */
  component: z.string().min(1).max(64).optional(),
  ...page,
});

/** The traces a sample is picked from: the first page of the run's kept traces, in start order. */
export const TRACE_SAMPLE_SOURCE = 1000;
/** The most traces one sample returns. */
export const MAX_TRACE_SAMPLE = 500;

/** `GET /api/simulations/:id/traces/sample` query: how many traces (the replay's dots ask for 240). */
export const traceSampleQuerySchema = z.strictObject({
  size: z.coerce.number().int().min(1).max(MAX_TRACE_SAMPLE).default(240),
});

/** The share of a sample kept for failed traces: enough that errors stand out, not so many they drown the rest. */
const ERROR_SHARE = 1 / 3;

/**
 * Picks `size` traces spread evenly over the run: a third failed ones (more when successful ones are
 * too few), the rest successful, each group sampled at even intervals of its start-ordered list;
 * returned in start order. What `GET …/traces/sample` answers with (with their spans).
 *
 * @example pickSample(page.traces, 240)
 */
export function pickSample<T extends { status: string; startMs: number }>(traces: readonly T[], size: number): T[] {
  const failed = traces.filter((t) => t.status === 'ERROR');
  const ok = traces.filter((t) => t.status !== 'ERROR');
  // Failed traces get their share; successful ones fill the rest, and leave room for more failed ones when short.
  const okCount = Math.min(ok.length, size - Math.min(failed.length, Math.round(size * ERROR_SHARE)));
  const failedCount = Math.min(failed.length, size - okCount);
  return [...evenly(failed, failedCount), ...evenly(ok, okCount)].sort((a, b) => a.startMs - b.startMs);
}

function evenly<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / count)]!);
}

/** `GET /api/simulations/:id/logs` query, in simulated time order. */
export const logQuerySchema = z.strictObject({
  /** Full-text search over the message. */
  q: z.string().max(200).optional(),
  level: z.enum(LOG_LEVELS).optional(),
  component: z.string().min(1).max(64).optional(),
  ...page,
});

export type MetricQueryParams = z.input<typeof metricQuerySchema>;
export type TraceQueryParams = z.input<typeof traceQuerySchema>;
export type LogQueryParams = z.input<typeof logQuerySchema>;

/** One series of one component: points at bucket starts, simulated seconds. */
export interface MetricSeriesDto {
  /** A component id or {@link END_TO_END}. */
  componentId: string;
  /** The component type, `END_TO_END` for the end-to-end view. */
  componentType: string;
  metric: string;
  points: { timeSec: number; value: number }[];
}

/** `GET /api/simulations/:id/metrics` answer. */
export interface MetricSeriesResponse {
  series: MetricSeriesDto[];
}

/** A span in OpenTelemetry's shape, simulated milliseconds (docs/engine.md §11). */
export interface SpanDto {
  traceId: string;
  spanId: string;
  /** Null for the trace's root. */
  parentSpanId: string | null;
  name: string;
  /** `CLIENT` (a client's root), `CONSUMER` (a queue's root) or `SERVER`. */
  kind: SpanKindName;
  componentId: string;
  componentType: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** `UNSET`: the span had not ended when its trace ended (work orphaned by a timeout or a crash). */
  status: { code: SpanStatusCodeName; message?: string };
  /** `attempt`, `hop`, `replica`, `connection`, `deliveries`, `unfinished`. */
  attributes: Record<string, string | number | boolean>;
}

/** A kept trace without its spans, as lists show it. */
export interface TraceSummaryDto {
  traceId: string;
  rootComponentId: string;
  startMs: number;
  durationMs: number;
  status: 'OK' | 'ERROR';
  /** Why it was kept: `sampled`, `error` or `slow`. */
  reason: TraceKeepReasonName;
  /** The producer's trace, for a message delivered from a QUEUE. */
  linkedTraceId?: string;
  spanCount: number;
  /** Ids of the components its spans touched. */
  components: string[];
}

/** `GET /api/simulations/:id/traces/:traceId` answer. */
export type TraceDto = Omit<TraceSummaryDto, 'spanCount' | 'components'> & { spans: SpanDto[] };

/** `GET /api/simulations/:id/traces` answer: one page and the number of matches. */
export interface TracePageDto {
  total: number;
  traces: TraceSummaryDto[];
}

/** A structured log record, timestamped in simulated milliseconds (the engine writes it without `id`). */
export interface LogRecordDto {
  /** Stable across redeliveries: the record's index in the run's log. */
  id: string;
  timeMs: number;
  level: LogLevelName;
  /** e.g. `fault_start`, `breaker_state`, `drop_suppressed`. */
  event: string;
  componentId: string | null;
  message: string;
  attributes?: Record<string, string | number | boolean>;
}

/** `GET /api/simulations/:id/logs` answer: one page and the number of matches. */
export interface LogPageDto {
  total: number;
  logs: LogRecordDto[];
}
