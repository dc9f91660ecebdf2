import { describe, expect, it } from '@jest/globals';
import { connectionFlows, flowEdges } from './connection-flow';
import type { ReplaySeries } from './replay-series';

/** A series with only arrivals, one bucket per entry. */
function arrivals(byComponent: Record<string, number[]>): ReplaySeries {
  const ids = Object.keys(byComponent);
  const buckets = byComponent[ids[0]!]!.length;
  const arrivalsPerSec = Float32Array.from(ids.flatMap((id) => byComponent[id]!));
  return { bucketSec: 1, buckets, rowOf: new Map(ids.map((id, i) => [id, i])), arrivalsPerSec } as unknown as ReplaySeries;
}

describe('the flow over a connection', () => {
  it('is the arrival rate of its target when it is the only way in', () => {
    const flows = connectionFlows([{ source: 'lb', target: 'api', weight: 1 }], arrivals({ lb: [100, 50], api: [98, 0] }));
    expect(Array.from(flows)).toEqual([98, 0]);
  });

  it('splits a shared target by what each source sends it', () => {
    const flows = connectionFlows(
      [
        { source: 'a', target: 'db', weight: 1 },
        { source: 'b', target: 'db', weight: 1 },
      ],
      arrivals({ a: [30], b: [10], db: [40] }),
    );
    expect(flows[0]).toBeCloseTo(30);
    expect(flows[1]).toBeCloseTo(10);
  });

  it('follows routing weights out of a source', () => {
    const flows = connectionFlows(
      [
        { source: 'api', target: 'x', weight: 3 },
        { source: 'api', target: 'y', weight: 1 },
        { source: 'other', target: 'y', weight: 1 },
      ],
      arrivals({ api: [100], other: [25], x: [75], y: [50] }),
    );
    expect(flows[0]).toBeCloseTo(75);
    expect(flows[1]).toBeCloseTo(25);
    expect(flows[2]).toBeCloseTo(25);
  });

  it('splits by weight when the sources report no arrivals, and reads 0 for an unknown component', () => {
    const flows = connectionFlows(
      [
        { source: 'c1', target: 'lb', weight: 1 },
        { source: 'c2', target: 'lb', weight: 1 },
        { source: 'ghost', target: 'lb', weight: 1 },
      ],
      arrivals({ c1: [0], c2: [0], lb: [10] }),
    );
    expect(Array.from(flows)).toEqual([5, 5, 0]);
  });

  it('carries the full rate (times its probability) down every branch of a fan-out, not a weight share', () => {
    // api calls x always and y for 20 % of requests; `other` splits evenly between y and z.
    const doc = {
      components: [
        { id: 'api', properties: { fanOut: 'all' } },
        { id: 'other', properties: {} },
      ],
      connections: [
        { source: 'api', target: 'x', properties: {} },
        { source: 'api', target: 'y', properties: { probability: 0.2 } },
        { source: 'other', target: 'y', properties: {} },
        { source: 'other', target: 'z', properties: {} },
      ],
    };
    const edges = flowEdges(doc);
    expect(edges.map((e) => e.probability)).toEqual([1, 0.2, undefined, undefined]);
    const flows = connectionFlows(edges, arrivals({ api: [100], other: [40], x: [100], y: [40], z: [20] }));
    expect(flows[0]).toBeCloseTo(100);
    expect(flows[1]).toBeCloseTo(20);
    expect(flows[2]).toBeCloseTo(20);
  });
});
