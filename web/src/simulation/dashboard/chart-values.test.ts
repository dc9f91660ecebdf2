import { describe, expect, it } from '@jest/globals';
import type { Columns } from './align-series';
import { chartValues, wholeCrashWindows } from './chart-values';

describe('what the charts draw', () => {
  const sim = { configuration: { durationSec: 300, faults: [{ type: 'crash', target: 'db', startSec: 100, durationSec: 60 }, { type: 'crash', target: 'app', startSec: 10, durationSec: 5, replicas: 1 }] }, result: null } as never;

  it('leaves a gap where no request succeeded instead of plotting 0 ms', () => {
    const columns: Columns = [[99, 100, 101], [40, 0, 41]];
    expect(chartValues(columns, { lines: [{ metric: 'latencyP99', componentId: 'db' }] } as never, new Map())[1]).toEqual([40, null, 41]);
  });

  it('counts the replicas of a component crashed as a whole as down', () => {
    const windows = wholeCrashWindows(sim);
    expect(windows.get('db')).toEqual([[100, 160]]);
    expect(windows.has('app')).toBe(false);
    const columns: Columns = [[99, 100, 159, 160], [1, 1, 1, 1]];
    expect(chartValues(columns, { lines: [{ metric: 'replicas', componentId: 'db' }] } as never, windows)[1]).toEqual([1, 0, 0, 1]);
  });
});
