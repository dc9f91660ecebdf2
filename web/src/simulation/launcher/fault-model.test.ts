import { describe, expect, it } from '@jest/globals';
import { describeFault, faultTypesFor, newFault, shiftFault, toFault } from './fault-model';

describe('faults on the timeline', () => {
  it('offers only the fault types the API accepts for a target', () => {
    expect(faultTypesFor({ id: 'c1', label: 'c1', kind: 'connection' })).toEqual(['latency', 'packet_loss', 'partition']);
    expect(faultTypesFor({ id: 'u', label: 'u', kind: 'component', type: 'CLIENT' })).toEqual(['packet_loss', 'partition']);
    expect(faultTypesFor({ id: 'db', label: 'db', kind: 'component', type: 'DATABASE' })).toContain('crash');
  });

  it('places a new fault in the middle of the run with its default parameter', () => {
    expect(toFault(newFault(1, 'latency', 'db', 120))).toEqual({ type: 'latency', target: 'db', startSec: 40, durationSec: 24, delayMs: 200 });
    expect(toFault(newFault(2, 'crash', 'db', 60))).toEqual({ type: 'crash', target: 'db', startSec: 20, durationSec: 12 });
  });

  it('moves and resizes within the run, never shorter than a second', () => {
    const f = newFault(1, 'crash', 'db', 100); // 33–53
    expect(shiftFault(f, { moveSec: 100 }, 100)).toMatchObject({ startSec: 80, durationSec: 20 });
    expect(shiftFault(f, { moveSec: -100 }, 100)).toMatchObject({ startSec: 0, durationSec: 20 });
    expect(shiftFault(f, { growEndSec: -50 }, 100)).toMatchObject({ startSec: 33, durationSec: 1 });
    expect(shiftFault(f, { growStartSec: -10 }, 100)).toMatchObject({ startSec: 23, durationSec: 30 });
  });

  it('describes a fault in a few words', () => {
    expect(describeFault({ type: 'latency', target: 'db', startSec: 10, durationSec: 20, delayMs: 200 }, 60)).toBe('latency +200 ms 10 s–30 s');
    expect(describeFault({ type: 'crash', target: 'db', startSec: 10 }, 60)).toBe('crash 10 s–end');
  });
});
