import { describe, expect, it } from '@jest/globals';
import { distributionSchema } from '@architech/contracts';
import { DISTRIBUTIONS, FALLBACK_MEAN_MS, switchDistribution, writtenMean } from './distribution-switch';

describe('switching a distribution to another family', () => {
  it('keeps the mean, with the spreads of the docs/engine.md examples', () => {
    const from = { dist: 'exponential', mean: 10 };
    expect(DISTRIBUTIONS.map(({ value }) => switchDistribution(from, value))).toEqual([
      { dist: 'exponential', mean: 10 },
      { dist: 'constant', value: 10 },
      { dist: 'uniform', min: 5, max: 15 },
      { dist: 'normal', mean: 10, stddev: 2 },
      { dist: 'lognormal', mean: 10, stddev: 5 },
    ]);
  });

  it('always produces a distribution the schema accepts', () => {
    for (const from of [{ dist: 'uniform', min: 0.1, max: 0.2 }, { dist: 'constant', value: 0 }, undefined]) {
      for (const { value } of DISTRIBUTIONS) expect(distributionSchema.safeParse(switchDistribution(from, value)).success).toBe(true);
    }
  });

  it('starts from 10 ms when the old one has no usable mean (missing, half-typed or zero)', () => {
    expect(switchDistribution(undefined, 'exponential')).toEqual({ dist: 'exponential', mean: FALLBACK_MEAN_MS });
    expect(switchDistribution({ dist: 'constant', value: 0 }, 'exponential')).toEqual({ dist: 'exponential', mean: FALLBACK_MEAN_MS });
    expect(switchDistribution({ dist: 'uniform', min: 4 }, 'constant')).toEqual({ dist: 'constant', value: FALLBACK_MEAN_MS });
  });

  it('leaves a distribution alone when its family is picked again', () => {
    const same = { dist: 'normal', mean: 3, stddev: 1 };
    expect(switchDistribution(same, 'normal')).toBe(same);
  });

  it('reads the written mean of each family', () => {
    expect([writtenMean({ dist: 'uniform', min: 2, max: 4 }), writtenMean({ dist: 'constant', value: 7 }), writtenMean({ dist: 'weird' })]).toEqual([3, 7, undefined]);
  });
});
