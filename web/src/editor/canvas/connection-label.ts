import type { EditorComponent, EditorConnection } from '@architech/editor-core';

/**
 * How a call along a connection is made (the fan-out issue): `stage` orders the calls of a
 * component that calls all its downstreams, `probability` is the share of requests that make the
 * call, `optional` says a failure of the call does not fail the request. Read from the connection's
 * properties without relying on the contract's types, which may not have them yet.
 */
export interface CallRouting {
  readonly stage?: number;
  readonly probability?: number;
  readonly optional?: boolean;
}

/** The routing fields of `properties` that are well formed; anything else is ignored. */
export function callRoutingOf(properties: unknown): CallRouting {
  if (properties === null || typeof properties !== 'object') return {};
  const p = properties as Record<string, unknown>;
  return {
    ...(Number.isInteger(p.stage) && (p.stage as number) >= 1 ? { stage: p.stage as number } : {}),
    ...(typeof p.probability === 'number' && p.probability >= 0 && p.probability <= 1 ? { probability: p.probability } : {}),
    ...(p.optional === true ? { optional: true } : {}),
  };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** ① … ⑳ for stages 1–20, then "stage 21". */
export function stageMark(stage: number): string {
  return stage >= 1 && stage <= CIRCLED.length ? CIRCLED[stage - 1]! : `stage ${stage}`;
}

/** "30 %", "0.5 %": a share of requests with sensible precision. */
export function formatShare(probability: number): string {
  const percent = probability * 100;
  const digits = percent >= 10 || Number.isInteger(percent) ? 0 : percent >= 1 ? 1 : 2;
  return `${percent.toFixed(digits)} %`;
}

/**
 * The label drawn on a connection, or undefined when it has nothing to say: the stage (only when
 * the source calls all its downstreams, `fanOut: 'all'`; 1 when unset), the share of requests below 100 %, and
 * "optional" — e.g. "② · 30 % · optional".
 */
export function connectionLabel(connection: Pick<EditorConnection, 'properties'>, source: Pick<EditorComponent, 'properties'> | undefined): string | undefined {
  const routing = callRoutingOf(connection.properties);
  const fanOutAll = (source?.properties as Record<string, unknown> | undefined)?.fanOut === 'all';
  const parts = [
    // Under a fan-out every call has a stage (1 unless set), so parallel calls read ① ① at a glance.
    ...(fanOutAll ? [stageMark(routing.stage ?? 1)] : []),
    ...(routing.probability !== undefined && routing.probability < 1 ? [formatShare(routing.probability)] : []),
    ...(routing.optional ? ['optional'] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
