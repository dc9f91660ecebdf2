import type { SpanDto, TraceDto } from '@architech/contracts';

/**
 * Every crossing of a connection by a sampled request or its response, sorted by departure, in
 * parallel typed arrays so a frame finds the dots in flight with one binary search.
 */
export interface DotTrack {
  readonly count: number;
  /** Index of the connection crossed (the caller's numbering). */
  readonly edge: Int32Array;
  /** When the message leaves, simulated seconds; non-decreasing. */
  readonly departSec: Float64Array;
  /** 1 for a response travelling back from target to source. */
  readonly back: Uint8Array;
  /** 1 when the call failed (the span's status is ERROR or never finished). */
  readonly failed: Uint8Array;
}

/** How the connections are numbered: by id (spans name it) and by `source>target` (fallback). */
export interface EdgeIndex {
  readonly byId: ReadonlyMap<string, number>;
  readonly byEnds: ReadonlyMap<string, number>;
}

/** The key of {@link EdgeIndex.byEnds}. */
export const endsKey = (source: string, target: string): string => `${source}>${target}`;

/**
 * The crossings of the sampled traces. A span with a parent is one call from the parent's
 * component to its own, over the connection its `connection` attribute names (else the one between
 * the two components): the request departs when the span starts (its arrival: the hop's few
 * milliseconds of latency are invisible at any playback speed) and, once the span has ended, the
 * response departs back at its end. Root spans (a client's emission, a queue's delivery) cross
 * nothing. A failed call's dots are red both ways: the request that will fail and the error
 * coming back.
 */
export function dotTrackOf(traces: readonly TraceDto[], edges: EdgeIndex): DotTrack {
  const crossings: { edge: number; departSec: number; back: number; failed: number }[] = [];
  for (const trace of traces) {
    const byId = new Map<string, SpanDto>(trace.spans.map((s) => [s.spanId, s]));
    for (const span of trace.spans) {
      const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
      if (parent === undefined) continue;
      const named = span.attributes.connection;
      const edge = (typeof named === 'string' ? edges.byId.get(named) : undefined) ?? edges.byEnds.get(endsKey(parent.componentId, span.componentId));
      if (edge === undefined) continue;
      const failed = span.status.code === 'OK' ? 0 : 1;
      crossings.push({ edge, departSec: span.startMs / 1000, back: 0, failed });
      if (span.status.code !== 'UNSET') crossings.push({ edge, departSec: span.endMs / 1000, back: 1, failed });
    }
  }
  crossings.sort((a, b) => a.departSec - b.departSec);
  const count = crossings.length;
  const track = { count, edge: new Int32Array(count), departSec: new Float64Array(count), back: new Uint8Array(count), failed: new Uint8Array(count) };
  crossings.forEach((c, i) => {
    track.edge[i] = c.edge;
    track.departSec[i] = c.departSec;
    track.back[i] = c.back;
    track.failed[i] = c.failed;
  });
  return track;
}

/** A track with no dots, until the traces arrive. */
export const EMPTY_TRACK: DotTrack = dotTrackOf([], { byId: new Map(), byEnds: new Map() });

/** The first crossing departing at or after `sec` (`count` when none). */
export function firstDepartingFrom(track: DotTrack, sec: number): number {
  let lo = 0;
  let hi = track.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (track.departSec[mid] < sec) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How long, in simulated seconds, a dot takes to cross a connection at a playback speed. Real
 * crossings last milliseconds, far too short to see, so a dot always takes the same wall-clock
 * time ({@link DOT_TRAVEL_WALL_SEC}) whatever the speed: at 10× it spans 7 simulated seconds.
 */
export function dotTravelSec(speed: number): number {
  return DOT_TRAVEL_WALL_SEC * Math.max(speed, MIN_TRAVEL_SPEED);
}

/** Wall-clock seconds a dot takes to cross a connection. */
export const DOT_TRAVEL_WALL_SEC = 0.7;

/** Below this speed a dot keeps the travel time of this speed, or slow motion would leave only one dot on screen. */
const MIN_TRAVEL_SPEED = 1;
