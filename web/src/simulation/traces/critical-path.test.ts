import type { SpanDto } from '@architech/contracts';
import { criticalPath } from './critical-path';
import { selfTime, spanTree } from './span-tree';

let serial = 0;
function span(spanId: string, parentSpanId: string | null, startMs: number, endMs: number, code: SpanDto['status']['code'] = 'OK'): SpanDto {
  serial++;
  return { traceId: 't', spanId, parentSpanId, name: spanId, kind: 'SERVER', componentId: spanId, componentType: 'SERVICE', startMs, endMs, durationMs: endMs - startMs, status: { code }, attributes: { serial } };
}

describe('the critical path of a trace', () => {
  it('follows, from the root, the child that finished last and the calls made before it, at every level', () => {
    const spans = [
      span('root', null, 0, 100),
      span('auth', 'root', 5, 20),
      span('api', 'root', 22, 95),
      span('cache', 'api', 25, 30),
      span('db', 'api', 31, 90),
    ];
    expect(criticalPath(spans)).toEqual(['root', 'auth', 'api', 'cache', 'db']);
  });

  it('ignores a child still running after its parent ended (the parent timed out)', () => {
    const spans = [span('root', null, 0, 50), span('fast', 'root', 1, 10), span('orphan', 'root', 12, 400)];
    expect(criticalPath(spans)).toEqual(['root', 'fast']);
  });

  it('ends at the root when no child finished in time', () => {
    expect(criticalPath([span('root', null, 0, 50), span('late', 'root', 10, 80)])).toEqual(['root']);
  });

  it('takes both attempts when a retry followed a failed attempt: the failure held the request up too', () => {
    const spans = [span('root', null, 0, 100), span('try1', 'root', 1, 40, 'ERROR'), span('try2', 'root', 45, 99)];
    expect(criticalPath(spans)).toEqual(['root', 'try1', 'try2']);
  });

  it('follows the call that finished last in each stage of a fan-out, and descends into each', () => {
    const spans = [
      span('root', null, 0, 100),
      span('api', 'root', 2, 98),
      // Stage 1: auth ∥ audit; audit finished last.
      span('auth', 'api', 3, 20),
      span('audit', 'api', 3, 25),
      // Stage 2, after stage 1 settled: orders ∥ inventory; orders finished last.
      span('orders', 'api', 26, 90),
      span('inventory', 'api', 26, 60),
      span('orders-db', 'orders', 30, 85),
    ];
    expect(criticalPath(spans)).toEqual(['root', 'api', 'audit', 'orders', 'orders-db']);
  });

  it('breaks a tie between children ending together by the later start', () => {
    expect(criticalPath([span('root', null, 0, 10), span('a', 'root', 1, 9), span('b', 'root', 3, 9)])).toEqual(['root', 'b']);
  });

  it('ends on zero-length calls (a crashed callee answers at once) instead of looping on them', () => {
    const spans = [span('root', null, 0, 10), span('api', 'root', 1, 9), span('db1', 'api', 5, 5, 'ERROR'), span('db2', 'api', 5, 5, 'ERROR'), span('auth', 'api', 2, 4)];
    expect(criticalPath(spans).sort()).toEqual(['api', 'auth', 'db1', 'db2', 'root']);
  });

  it('is empty for an empty trace and survives a span that names itself as parent', () => {
    expect(criticalPath([])).toEqual([]);
    expect(criticalPath([span('x', 'x', 0, 1)])).toEqual(['x']);
  });
});

describe('the waterfall order of spans', () => {
  it('lists parents before children, siblings by start, with depths', () => {
    const rows = spanTree([span('db', 'api', 31, 90), span('api', 'root', 22, 95), span('root', null, 0, 100), span('auth', 'root', 5, 20)]);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.childCount])).toEqual([
      ['root', 0, 2],
      ['auth', 1, 0],
      ['api', 1, 1],
      ['db', 2, 0],
    ]);
  });

  it('shows a span whose parent is missing as a root', () => {
    expect(spanTree([span('a', null, 0, 5), span('b', 'gone', 1, 2)]).map((r) => [r.span.spanId, r.depth])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });

  it('computes self time as the duration not covered by children, overlaps counted once', () => {
    const parent = span('p', null, 0, 100);
    expect(selfTime(parent, [span('a', 'p', 10, 30), span('b', 'p', 20, 40), span('c', 'p', 90, 150)])).toBe(100 - 30 - 10);
    expect(selfTime(parent, [])).toBe(100);
  });
});
