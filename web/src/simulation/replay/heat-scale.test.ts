import { describe, expect, it } from '@jest/globals';
import { ERROR_RATE_SCALE, HEAT_STEPS, heatIndex, heatPalette, UTILIZATION_SCALE } from './heat-scale';

describe('the heat scale', () => {
  const palette = heatPalette();

  it('is green when idle, amber at 70 % and red from saturation on', () => {
    expect(palette.strong[heatIndex(UTILIZATION_SCALE, 0)]).toBe('#16a34a');
    expect(heatIndex(UTILIZATION_SCALE, 0.7)).toBe(Math.round((HEAT_STEPS - 1) / 2));
    expect(palette.strong[heatIndex(UTILIZATION_SCALE, 1)]).toBe('#dc2626');
    expect(heatIndex(UTILIZATION_SCALE, 3)).toBe(HEAT_STEPS - 1);
  });

  it('spends half its colours below 2 % errors and turns red at 10 %', () => {
    expect(heatIndex(ERROR_RATE_SCALE, 0.01)).toBe(Math.round(0.25 * (HEAT_STEPS - 1)));
    expect(heatIndex(ERROR_RATE_SCALE, 0.1)).toBe(HEAT_STEPS - 1);
  });

  it('grows with the value and treats a missing value as the lowest', () => {
    const indices = [0, 0.2, 0.5, 0.8, 0.95].map((u) => heatIndex(UTILIZATION_SCALE, u));
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    expect(heatIndex(UTILIZATION_SCALE, Number.NaN)).toBe(0);
  });

  it('has a translucent tint for every strong colour', () => {
    expect(palette.strong).toHaveLength(HEAT_STEPS);
    expect(palette.tint[0]).toBe('rgba(22, 163, 74, 0.16)');
  });
});
