import { describe, expect, it } from '@jest/globals';
import { flowWidth } from './flow-width';

describe('a connection width', () => {
  it('is nothing without traffic and grows by a step per decade', () => {
    expect(flowWidth(0)).toBe(0);
    expect(flowWidth(Number.NaN)).toBe(0);
    expect(flowWidth(10_000) - flowWidth(1000)).toBeCloseTo(flowWidth(1000) - flowWidth(100), 1);
    expect(flowWidth(1)).toBeGreaterThan(1.5);
  });

  it('is capped so a huge flow does not swallow its arrowhead', () => {
    expect(flowWidth(1e12)).toBe(12);
  });
});
