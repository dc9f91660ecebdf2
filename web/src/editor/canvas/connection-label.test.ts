import { describe, expect, it } from '@jest/globals';
import { callRoutingOf, connectionLabel, formatShare } from './connection-label';

describe('a connection label', () => {
  const all = { properties: { fanOut: 'all' } };
  const one = { properties: {} };

  it('shows the stage only when the source calls all its downstreams', () => {
    expect(connectionLabel({ properties: { stage: 2 } }, all)).toBe('②');
    expect(connectionLabel({ properties: { stage: 2 } }, one)).toBeUndefined();
    // Unset, a fan-out call is stage 1: parallel calls all read ①.
    expect(connectionLabel({ properties: {} }, all)).toBe('①');
    expect(connectionLabel({ properties: {} }, one)).toBeUndefined();
  });

  it('shows a share below 100 % and "optional"', () => {
    expect(connectionLabel({ properties: { probability: 0.3 } }, one)).toBe('30 %');
    expect(connectionLabel({ properties: { probability: 1 } }, one)).toBeUndefined();
    expect(connectionLabel({ properties: { stage: 1, probability: 0.055, optional: true } }, all)).toBe('① · 5.5 % · optional');
  });

  it('ignores malformed values instead of drawing them', () => {
    expect(callRoutingOf({ stage: 0, probability: 2, optional: 'yes' })).toEqual({});
    expect(callRoutingOf(null)).toEqual({});
    expect(connectionLabel({ properties: { latency: { dist: 'constant', value: 1 } } }, one)).toBeUndefined();
    expect(connectionLabel({ properties: { stage: 0, probability: 2 } }, all)).toBe('①');
    expect(formatShare(0.004)).toBe('0.40 %');
  });
});
