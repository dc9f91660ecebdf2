import { checkMetricQuery, planDownsampling } from '../src/adapters/metrics/metric-query-rules';

describe('downsampling a metric query', () => {
  it('reads raw points while no series has more than maxPoints, or when none is asked for', () => {
    expect(planDownsampling({ firstSec: 0, lastSec: 99, largestSeries: 100 }, 100)).toBeNull();
    expect(planDownsampling({ firstSec: 0, lastSec: 99, largestSeries: 100 }, undefined)).toBeNull();
  });

  it('uses whole-second buckets starting at the first point', () => {
    expect(planDownsampling({ firstSec: 5, lastSec: 104, largestSeries: 100 }, 10)).toEqual({ originSec: 5, lastSec: 104, bucketSec: 10 });
  });

  it('widens the bucket when the range is a multiple of maxPoints, so both ends fit', () => {
    expect(planDownsampling({ firstSec: 0, lastSec: 100, largestSeries: 101 }, 10)).toEqual({ originSec: 0, lastSec: 100, bucketSec: 11 });
  });

  it('never yields more than maxPoints buckets', () => {
    for (let maxPoints = 1; maxPoints <= 40; maxPoints++) {
      for (const rangeSec of [0, 0.5, 1, 7, 39, 40, 41, 99.5, 100, 1000, 3601]) {
        const plan = planDownsampling({ firstSec: 3, lastSec: 3 + rangeSec, largestSeries: maxPoints + 1 }, maxPoints)!;
        expect(Math.floor(rangeSec / plan.bucketSec) + 1).toBeLessThanOrEqual(maxPoints);
      }
    }
  });

  it('refuses maxPoints that is not a positive integer', () => {
    for (const maxPoints of [0, -1, 2.5, Number.NaN]) {
      expect(() => checkMetricQuery({ simulationId: 's', metric: 'throughput', maxPoints })).toThrow(expect.objectContaining({ code: 'invalid_query' }));
    }
    expect(() => checkMetricQuery({ simulationId: 's', metric: 'throughput', maxPoints: 1 })).not.toThrow();
  });
});
