/*
 * The one type-equality check between the formats of `@architech/contracts` and what the engine
 * takes and gives (compiled by tools/test/formats.test.ts, which fails on any error here). The
 * engine defines none of these shapes itself; this file fails the build if it starts to.
 */
import type {
  FaultWindowDto,
  LogBatchMessage,
  LogRecordDto,
  MetricName,
  ResolvedDesign,
  SimulationConfig,
  SimulationCostDto,
  SimulationRunDto,
  SimulationSummaryDto,
  SpanBatchMessage,
  SpanDto,
  TraceDto,
  resolveDesign,
  simulationConfigSchema,
} from '@architech/contracts';
import type { LogRecord, runHosted, SeriesMetric, simulate, SimulationResult, Span, Trace } from '@architech/sim-engine';
import type { z } from 'zod';

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type EngineInput = [
  // What the schema and resolveDesign produce is exactly what the engine takes.
  Assert<Equal<Parameters<typeof simulate>[0], ResolvedDesign>>,
  Assert<Equal<Parameters<typeof runHosted>[0], ResolvedDesign>>,
  Assert<Equal<ReturnType<typeof resolveDesign>, Parameters<typeof simulate>[0]>>,
  Assert<Equal<Parameters<typeof simulate>[1], SimulationConfig>>,
  Assert<Equal<Parameters<typeof runHosted>[1], SimulationConfig>>,
  Assert<Equal<z.output<typeof simulationConfigSchema>, Parameters<typeof simulate>[1]>>,
];

export type EngineOutput = [
  // The result the API stores and serves, the series the bus carries, the traces and logs.
  Assert<Equal<SimulationResult['summary'], SimulationSummaryDto>>,
  Assert<Equal<NonNullable<SimulationResult['ci95']>, SimulationSummaryDto>>,
  Assert<Equal<SimulationResult['settings'], SimulationRunDto['settings']>>,
  Assert<Equal<SimulationResult['faults'], FaultWindowDto[]>>,
  Assert<Equal<NonNullable<SimulationResult['cost']>, SimulationCostDto>>,
  Assert<Equal<Pick<SimulationResult, 'replications' | 'events' | 'wallMs'>, Pick<SimulationRunDto, 'replications' | 'events' | 'wallMs'>>>,
  Assert<Equal<SeriesMetric, MetricName>>,
  Assert<Equal<Span, SpanDto>>,
  Assert<Equal<Trace, TraceDto>>,
  Assert<Equal<LogRecord, Omit<LogRecordDto, 'id'>>>,
  // The bus codecs carry them as the engine wrote them.
  Assert<Equal<SpanBatchMessage['traces'][number], Trace>>,
  Assert<Equal<Omit<LogBatchMessage['records'][number], 'id'>, LogRecord>>,
];
