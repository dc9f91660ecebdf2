import { describe, expect, it } from '@jest/globals';
import type { SimulationDto } from '@architech/contracts';
import { faultLabel, faultWindowsOf, isActive } from './fault-windows';

const configuration = (faults: unknown[]) => ({ durationSec: 600, faults }) as unknown as SimulationDto['configuration'];

describe('fault windows', () => {
  it('say what the fault does', () => {
    expect(faultLabel('crash', {})).toBe('crash');
    expect(faultLabel('crash', { replicas: 2 })).toBe('crash 2 replicas');
    expect(faultLabel('latency', { delayMs: 200 })).toBe('latency +200 ms');
    expect(faultLabel('error', { rate: 0.5 })).toBe('errors 50 %');
    expect(faultLabel('packet_loss', { rate: 0.1 })).toBe('packet loss 10 %');
    expect(faultLabel('slowdown', { factor: 3 })).toBe('slowdown ×3');
    expect(faultLabel('partition', {})).toBe('partition');
  });

  it('come from the configuration until the run reports what happened, clipped to the run', () => {
    const planned = faultWindowsOf({ configuration: configuration([{ type: 'latency', target: 'db', startSec: 100, delayMs: 50 }]), result: undefined });
    expect(planned).toEqual([{ type: 'latency', target: 'db', startSec: 100, endSec: 600, params: { delayMs: 50 }, label: 'latency +50 ms', lane: 0 }]);
    const happened = faultWindowsOf({
      configuration: configuration([]),
      result: { faults: [{ type: 'crash', target: 'api', startSec: 30, endSec: 50, params: {} }] } as unknown as SimulationDto['result'],
    });
    expect(happened.map((f) => [f.target, f.startSec, f.endSec, f.label])).toEqual([['api', 30, 50, 'crash']]);
  });

  it('take separate lanes when they overlap, and skip those starting after the end', () => {
    const windows = faultWindowsOf({
      configuration: configuration([
        { type: 'crash', target: 'a', startSec: 10, durationSec: 50 },
        { type: 'error', target: 'b', startSec: 20, durationSec: 10, rate: 1 },
        { type: 'crash', target: 'c', startSec: 70, durationSec: 5 },
        { type: 'crash', target: 'd', startSec: 700, durationSec: 5 },
      ]),
      result: undefined,
    });
    expect(windows.map((w) => [w.target, w.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
  });

  it('are in effect from their start up to, not including, their end', () => {
    const w = { startSec: 30, endSec: 50 };
    expect([29.9, 30, 49.9, 50].map((t) => isActive(w, t))).toEqual([false, true, true, false]);
  });
});
