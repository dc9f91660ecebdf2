import { chain, client, relErr, runConfig, service, simulate } from './fixtures';

/*
 * The engine against closed-form queueing results. Each run is long enough (hundreds of thousands
 * of requests after warm-up) that the estimate lands well inside the 3% tolerance; seeds are fixed,
 * so a failure means the model changed, not bad luck.
 */

const TOLERANCE = 0.03;

function erlangC(c: number, a: number): number {
  // Probability of waiting in M/M/c with offered load a = λ/μ (Erlang C), via the stable Erlang-B recursion.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

describe('the engine against queueing theory', () => {
  it('matches M/M/1: response time, its percentiles, queue length and utilisation (ρ = 0.7)', () => {
    const lambda = 70;
    const mu = 100;
    const design = chain([client('users', lambda), service('svc', { serviceTime: { dist: 'exponential', mean: 1000 / mu } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 8000, warmupSec: 200, seed: 11 }));
    const svc = summary.components.svc;
    const rate = (mu - lambda) / 1000;
    expect(relErr(svc.latency.mean, 1 / rate)).toBeLessThan(TOLERANCE);
    expect(relErr(svc.latency.p50, Math.log(2) / rate)).toBeLessThan(TOLERANCE);
    expect(relErr(svc.latency.p95, -Math.log(0.05) / rate)).toBeLessThan(TOLERANCE);
    expect(relErr(svc.meanQueueLength, (0.7 * 0.7) / 0.3)).toBeLessThan(TOLERANCE);
    expect(relErr(svc.utilization, 0.7)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.endToEnd.throughput, lambda)).toBeLessThan(0.01);
  });

  it('matches M/M/c with the Erlang C waiting time (c = 4, ρ = 0.8)', () => {
    const c = 4;
    const mu = 100;
    const lambda = 320;
    const design = chain([client('users', lambda), service('svc', { workers: c, serviceTime: { dist: 'exponential', mean: 1000 / mu } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 3000, warmupSec: 100, seed: 12 }));
    const pWait = erlangC(c, lambda / mu);
    const wqMs = (pWait / (c * mu - lambda)) * 1000;
    const svc = summary.components.svc;
    expect(relErr(svc.latency.mean, wqMs + 1000 / mu)).toBeLessThan(TOLERANCE);
    expect(relErr(svc.meanQueueLength, lambda * (wqMs / 1000))).toBeLessThan(TOLERANCE);
    expect(relErr(svc.utilization, lambda / (c * mu))).toBeLessThan(TOLERANCE);
  });

  it('matches M/D/1 with the Pollaczek–Khinchine formula (ρ = 0.8)', () => {
    const lambda = 80;
    const serviceMs = 10;
    const design = chain([client('users', lambda), service('svc', { serviceTime: { dist: 'constant', value: serviceMs } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 6000, warmupSec: 100, seed: 13 }));
    const rho = (lambda * serviceMs) / 1000;
    const wqMs = (rho * serviceMs) / (2 * (1 - rho));
    expect(relErr(summary.components.svc.latency.mean, wqMs + serviceMs)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.components.svc.meanQueueLength, (lambda * wqMs) / 1000)).toBeLessThan(TOLERANCE);
  });

  it('matches the M/M/1/K blocking probability (K = 5, ρ = 0.9)', () => {
    const K = 5;
    const rho = 0.9;
    const design = chain([client('users', 90), service('svc', { serviceTime: { dist: 'exponential', mean: 10 }, queueCapacity: K - 1 })]);
    const { summary } = simulate(design, runConfig({ durationSec: 6000, warmupSec: 100, seed: 14 }));
    const pBlock = ((1 - rho) * Math.pow(rho, K)) / (1 - Math.pow(rho, K + 1));
    const svc = summary.components.svc;
    expect(relErr(svc.drops / svc.arrivals, pBlock)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.endToEnd.errorRate, pBlock)).toBeLessThan(TOLERANCE);
  });

  it('matches two M/M/1 in tandem (Jackson network): end-to-end time is the sum of both', () => {
    const lambda = 50;
    const design = chain([
      client('users', lambda),
      service('front', { serviceTime: { dist: 'exponential', mean: 10 } }),
      service('back', { serviceTime: { dist: 'exponential', mean: 12.5 } }),
    ]);
    const { summary } = simulate(design, runConfig({ durationSec: 6000, warmupSec: 100, seed: 15 }));
    const w1 = 1000 / (100 - lambda);
    const w2 = 1000 / (80 - lambda);
    expect(relErr(summary.components.back.latency.mean, w2)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.endToEnd.latency.mean, w1 + w2)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.components.front.utilization, 0.5)).toBeLessThan(TOLERANCE);
    expect(relErr(summary.components.back.utilization, lambda / 80)).toBeLessThan(TOLERANCE);
  });
});
