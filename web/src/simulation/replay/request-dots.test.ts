import { describe, expect, it } from '@jest/globals';
import type { SpanDto, TraceDto } from '@architech/contracts';
import { dotTrackOf, dotTravelSec, endsKey, firstDepartingFrom } from './request-dots';

const span = (id: string, parent: string | null, componentId: string, startMs: number, endMs: number, code: 'OK' | 'ERROR' | 'UNSET' = 'OK', connection?: string): SpanDto => ({
  traceId: 't',
  spanId: id,
  parentSpanId: parent,
  name: componentId,
  kind: parent === null ? 'CLIENT' : 'SERVER',
  componentId,
  componentType: 'SERVICE',
  startMs,
  endMs,
  durationMs: endMs - startMs,
  status: { code },
  attributes: connection === undefined ? {} : { connection },
});

const trace = (spans: SpanDto[]): TraceDto => ({ traceId: 't', rootComponentId: spans[0]!.componentId, startMs: spans[0]!.startMs, durationMs: 0, status: 'OK', reason: 'sampled', spans });

// Routes: 0 = web→lb (named c-lb), 1 = lb→api, 2 = api→db.
const edges = { byId: new Map([['c-lb', 0]]), byEnds: new Map([[endsKey('lb', 'api'), 1], [endsKey('api', 'db'), 2]]) };

describe('request dots', () => {
  it('cross each connection of a trace forwards at the call and back at its answer, in departure order', () => {
    const track = dotTrackOf(
      [trace([span('r', null, 'web', 0, 40), span('a', 'r', 'lb', 1000, 39000, 'OK', 'c-lb'), span('b', 'a', 'api', 2000, 38000), span('c', 'b', 'db', 5000, 9000)])],
      edges,
    );
    expect(track.count).toBe(6);
    expect(Array.from(track.departSec)).toEqual([1, 2, 5, 9, 38, 39]);
    expect(Array.from(track.edge)).toEqual([0, 1, 2, 2, 1, 0]);
    expect(Array.from(track.back)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('mark failed calls, and send no answer back for a span that never ended', () => {
    const track = dotTrackOf([trace([span('r', null, 'lb', 0, 10), span('x', 'r', 'api', 1000, 3000, 'ERROR'), span('y', 'r', 'api', 4000, 9000, 'UNSET')])], edges);
    expect(Array.from(track.failed)).toEqual([1, 1, 1]);
    expect(Array.from(track.back)).toEqual([0, 1, 0]);
  });

  it('skip calls over connections the design does not have', () => {
    const track = dotTrackOf([trace([span('r', null, 'db', 0, 10), span('x', 'r', 'web', 1, 2)])], edges);
    expect(track.count).toBe(0);
  });

  it('are found in flight with one binary search', () => {
    const track = dotTrackOf(
      [trace([span('r', null, 'web', 0, 40), span('a', 'r', 'lb', 1000, 39000, 'OK', 'c-lb'), span('b', 'a', 'api', 2000, 38000), span('c', 'b', 'db', 5000, 9000)])],
      edges,
    );
    expect(firstDepartingFrom(track, 0)).toBe(0);
    expect(firstDepartingFrom(track, 2)).toBe(1);
    expect(firstDepartingFrom(track, 2.5)).toBe(2);
    expect(firstDepartingFrom(track, 100)).toBe(6);
  });

  it('take the same wall-clock time to cross at any speed, and no less than at 1×', () => {
    expect(dotTravelSec(10)).toBeCloseTo(10 * dotTravelSec(1));
    expect(dotTravelSec(0.25)).toBe(dotTravelSec(1));
  });
});
