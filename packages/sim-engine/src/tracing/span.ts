import type { LogRecordDto, SpanDto, TraceDto } from '@architech/contracts';

/** A span in OpenTelemetry's shape, with simulated times in milliseconds (`@architech/contracts`' `SpanDto`). */
export type Span = SpanDto;

/** One kept trace: a client request or a message delivery, with every span it produced. */
export type Trace = TraceDto;

/** A structured log record, timestamped in simulated milliseconds; the bus and the stores add its `id`. */
export type LogRecord = Omit<LogRecordDto, 'id'>;
