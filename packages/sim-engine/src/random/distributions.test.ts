import {
  ConstantSampler,
  DistributionSpec,
  ExponentialSampler,
  LognormalSampler,
  NormalSampler,
  Sampler,
  UniformSampler,
  createSampler,
  distributionMean,
  distributionVariance,
} from './distributions';
import { createStream } from './rng';

interface Summary {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

/** Draws n samples and summarises them with Welford's algorithm (stable for large means). */
function summarise(sampler: Sampler, n: number, ...labels: string[]): Summary {
  const rng = createStream(12345, 'distributions-test', ...labels);
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 1; i <= n; i++) {
    const x = sampler.sample(rng);
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { mean, variance: m2 / (n - 1), min, max };
}

const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

const N = 500_000;

describe('sampled moments match the analytic moments', () => {
  const cases: [string, DistributionSpec][] = [
    ['exponential', { dist: 'exponential', mean: 20 }],
    ['uniform', { dist: 'uniform', min: 5, max: 15 }],
    ['normal, little truncation', { dist: 'normal', mean: 100, stddev: 15 }],
    ['normal, heavy truncation', { dist: 'normal', mean: 10, stddev: 20 }],
    ['lognormal', { dist: 'lognormal', mean: 50, stddev: 25 }],
    ['lognormal, high variance', { dist: 'lognormal', mean: 10, stddev: 10 }],
  ];

  it.each(cases)('%s: mean within 1%%, variance within 2%%', (name, spec) => {
    const s = summarise(createSampler(spec), N, name);
    expect(relErr(s.mean, distributionMean(spec))).toBeLessThan(0.01);
    expect(relErr(s.variance, distributionVariance(spec))).toBeLessThan(0.02);
  });

  it('sampler.mean equals distributionMean', () => {
    for (const [, spec] of cases) expect(createSampler(spec).mean).toBe(distributionMean(spec));
  });
});

describe('constant', () => {
  it('returns exactly the value and consumes no randomness', () => {
    const rng = createStream(1);
    const before = rng.state();
    const sampler = createSampler({ dist: 'constant', value: 3.25 });
    for (let i = 0; i < 1000; i++) expect(sampler.sample(rng)).toBe(3.25);
    expect(rng.state()).toEqual(before);
    expect(sampler.mean).toBe(3.25);
    expect(distributionVariance({ dist: 'constant', value: 3.25 })).toBe(0);
  });
});

describe('exponential', () => {
  it('has analytic mean m and variance m²', () => {
    expect(distributionMean({ dist: 'exponential', mean: 4 })).toBe(4);
    expect(distributionVariance({ dist: 'exponential', mean: 4 })).toBe(16);
  });

  it('is positive and finite and follows the exponential tail P(X > 3m) = e^-3', () => {
    const sampler = createSampler({ dist: 'exponential', mean: 2 });
    const rng = createStream(3, 'exp-tail');
    let above = 0;
    for (let i = 0; i < N; i++) {
      const x = sampler.sample(rng);
      if (!(x > 0 && Number.isFinite(x))) throw new Error(`bad exponential sample ${x}`);
      if (x > 6) above++;
    }
    expect(relErr(above / N, Math.exp(-3))).toBeLessThan(0.03);
  });
});

describe('uniform', () => {
  it('stays within [min, max)', () => {
    const s = summarise(createSampler({ dist: 'uniform', min: -3, max: 7 }), N, 'bounds');
    expect(s.min).toBeGreaterThanOrEqual(-3);
    expect(s.max).toBeLessThan(7);
    expect(s.min).toBeLessThan(-2.99);
    expect(s.max).toBeGreaterThan(6.99);
  });

  it('degenerates to the single value when min = max', () => {
    const s = summarise(createSampler({ dist: 'uniform', min: 4, max: 4 }), 1000);
    expect(s.min).toBe(4);
    expect(s.max).toBe(4);
  });
});

describe('normal (truncated at 0)', () => {
  it('never returns a negative value, even with the mean below zero', () => {
    // Far-below-zero means cost up to 64 draws per sample, so they get fewer samples.
    for (const [mean, n] of [[5, 200_000], [0, 200_000], [-5, 100_000], [-50, 10_000]]) {
      const s = summarise(createSampler({ dist: 'normal', mean, stddev: 10 }), n, `neg-${mean}`);
      expect(s.min).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports the truncated mean, which is above the spec mean', () => {
    // Reference values from scipy.stats.truncnorm.
    expect(distributionMean({ dist: 'normal', mean: 10, stddev: 5 })).toBeCloseTo(10.27623931339495, 9);
    expect(distributionVariance({ dist: 'normal', mean: 10, stddev: 5 })).toBeCloseTo(22.16129870778559, 9);
    expect(distributionMean({ dist: 'normal', mean: 0, stddev: 1 })).toBeCloseTo(0.7978845608028654, 12);
    expect(distributionVariance({ dist: 'normal', mean: 0, stddev: 1 })).toBeCloseTo(0.3633802276324186, 12);
    expect(distributionMean({ dist: 'normal', mean: 5, stddev: 10 })).toBeCloseTo(10.091604338370335, 9);
    expect(distributionVariance({ dist: 'normal', mean: 5, stddev: 10 })).toBeCloseTo(48.617543569636716, 9);
  });

  it('equals the untruncated moments when truncation is negligible', () => {
    expect(distributionMean({ dist: 'normal', mean: 1000, stddev: 10 })).toBe(1000);
    expect(distributionVariance({ dist: 'normal', mean: 1000, stddev: 10 })).toBeCloseTo(100, 9);
  });

  it('accounts for the give-up-and-return-0 mass when the mean is far below 0', () => {
    // a = 2: each try succeeds with p ≈ 0.0228, so ~23% of samples give up at 0.
    const spec: DistributionSpec = { dist: 'normal', mean: -2, stddev: 1 };
    const textbookMean = 0.37321553282284015; // scipy truncnorm, no give-up
    expect(distributionMean(spec)).toBeLessThan(textbookMean * 0.8);
    const s = summarise(createSampler(spec), 100_000, 'give-up');
    expect(relErr(s.mean, distributionMean(spec))).toBeLessThan(0.01);
    expect(relErr(s.variance, distributionVariance(spec))).toBeLessThan(0.02);
  });

  it('returns 0 (not NaN) when no try can succeed', () => {
    const spec: DistributionSpec = { dist: 'normal', mean: -1e6, stddev: 1 };
    expect(distributionMean(spec)).toBe(0);
    expect(distributionVariance(spec)).toBe(0);
    expect(createSampler(spec).sample(createStream(1))).toBe(0);
  });

  it('with stddev 0 is the constant max(mean, 0)', () => {
    expect(createSampler({ dist: 'normal', mean: 7, stddev: 0 })).toBeInstanceOf(ConstantSampler);
    expect(createSampler({ dist: 'normal', mean: 7, stddev: 0 }).sample(createStream(1))).toBe(7);
    expect(createSampler({ dist: 'normal', mean: -7, stddev: 0 }).sample(createStream(1))).toBe(0);
    expect(distributionMean({ dist: 'normal', mean: -7, stddev: 0 })).toBe(0);
  });

  it('has the symmetric shape of a normal away from the boundary', () => {
    // Skewness ≈ 0 and P(|X - μ| < σ) ≈ 0.6827 when truncation is negligible.
    const sampler = createSampler({ dist: 'normal', mean: 100, stddev: 10 });
    const rng = createStream(8, 'shape');
    let m3 = 0;
    let within = 0;
    for (let i = 0; i < N; i++) {
      const z = (sampler.sample(rng) - 100) / 10;
      m3 += z * z * z;
      if (Math.abs(z) < 1) within++;
    }
    expect(Math.abs(m3 / N)).toBeLessThan(0.02);
    expect(Math.abs(within / N - 0.6826894921370859)).toBeLessThan(0.003);
  });
});

describe('lognormal', () => {
  it('matches the spec mean and stddev of the variable itself', () => {
    const spec: DistributionSpec = { dist: 'lognormal', mean: 30, stddev: 12 };
    const s = summarise(createSampler(spec), N, 'lognormal-spec');
    expect(relErr(s.mean, 30)).toBeLessThan(0.01);
    expect(relErr(Math.sqrt(s.variance), 12)).toBeLessThan(0.01);
    expect(s.min).toBeGreaterThan(0);
  });

  it('has median exp(mu) = m / sqrt(1 + s²/m²)', () => {
    const sampler = createSampler({ dist: 'lognormal', mean: 30, stddev: 12 });
    const rng = createStream(4, 'median');
    const median = 30 / Math.sqrt(1 + (12 * 12) / (30 * 30));
    let below = 0;
    for (let i = 0; i < N; i++) if (sampler.sample(rng) < median) below++;
    expect(Math.abs(below / N - 0.5)).toBeLessThan(0.003);
  });

  it('with stddev 0 returns exactly the mean', () => {
    const sampler = createSampler({ dist: 'lognormal', mean: 9.1, stddev: 0 });
    expect(sampler.sample(createStream(1))).toBe(9.1);
  });
});

describe('createSampler', () => {
  it('returns one specialised class per kind', () => {
    expect(createSampler({ dist: 'constant', value: 1 })).toBeInstanceOf(ConstantSampler);
    expect(createSampler({ dist: 'exponential', mean: 1 })).toBeInstanceOf(ExponentialSampler);
    expect(createSampler({ dist: 'uniform', min: 0, max: 1 })).toBeInstanceOf(UniformSampler);
    expect(createSampler({ dist: 'normal', mean: 1, stddev: 1 })).toBeInstanceOf(NormalSampler);
    expect(createSampler({ dist: 'lognormal', mean: 1, stddev: 1 })).toBeInstanceOf(LognormalSampler);
  });

  it('is deterministic: same spec and stream give the same samples', () => {
    const specs: DistributionSpec[] = [
      { dist: 'exponential', mean: 3 },
      { dist: 'uniform', min: 1, max: 2 },
      { dist: 'normal', mean: 5, stddev: 4 },
      { dist: 'lognormal', mean: 5, stddev: 4 },
    ];
    for (const spec of specs) {
      const run = (): number[] => {
        const sampler = createSampler(spec);
        const rng = createStream(77, 'det', spec.dist);
        return Array.from({ length: 50 }, () => sampler.sample(rng));
      };
      const first = run();
      expect(run()).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
    }
  });

  it('rejects out-of-domain parameters', () => {
    const bad: DistributionSpec[] = [
      { dist: 'exponential', mean: -1 },
      { dist: 'exponential', mean: NaN },
      { dist: 'constant', value: Infinity },
      { dist: 'uniform', min: 2, max: 1 },
      { dist: 'normal', mean: 1, stddev: -1 },
      { dist: 'lognormal', mean: 0, stddev: 1 },
      { dist: 'lognormal', mean: 1, stddev: -1 },
      { dist: 'gamma', shape: 2 } as unknown as DistributionSpec,
    ];
    for (const spec of bad) {
      expect(() => createSampler(spec)).toThrow(RangeError);
      expect(() => distributionMean(spec)).toThrow(RangeError);
      expect(() => distributionVariance(spec)).toThrow(RangeError);
    }
  });
});
