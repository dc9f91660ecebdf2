import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/*
 * The JavaScript floors `npm run bench` prints beside the engine's ratio to C
 * (bench/reference/mm1.mjs) model what they claim to: M/M/1 at ρ = 0.9 for 3,000 simulated
 * seconds. Their speed is the bench's business; here, that each mode serves the model (the
 * customer count near λT, the mean response near theory, the engine's statistics agreeing with the
 * loop's own sum). Needs the built engine (`npm run build`), as the bench does.
 */

const script = join(__dirname, '..', '..', 'bench', 'reference', 'mm1.mjs');
const run = (...flags: string[]) => JSON.parse(execFileSync(process.execPath, [script, '3000', '100', ...flags], { encoding: 'utf8' }).trim());

describe('the JavaScript reference loops of the engine bench', () => {
  it.each([[[]], [['--statistics']], [['--engine-scheduler']]])('%j serves M/M/1 at ρ = 0.9 (λ 90/s, mean response 100 ms)', (flags: string[]) => {
    const out = run(...flags);
    // 3,000 s at 90 arrivals/s; one event per arrival and per departure.
    expect(out.customers).toBeGreaterThan(0.97 * 270_000);
    expect(out.customers).toBeLessThan(1.03 * 270_000);
    expect(out.events).toBeGreaterThanOrEqual(2 * out.customers);
    // W = 1 / (μ − λ) = 100 ms; 3,000 s at ρ = 0.9 is within ~10 % of it.
    expect(out.meanResponseMs).toBeGreaterThan(85);
    expect(out.meanResponseMs).toBeLessThan(115);
    expect(out.customersPerSec).toBeGreaterThan(0);
  });

  it("records the engine's statistics for the loop it runs", () => {
    const out = run('--statistics');
    // The sketches count by completion after warm-up, the loop by arrival: the means agree closely.
    expect(Math.abs(out.statistics.meanResponseMs - out.meanResponseMs)).toBeLessThan(0.01 * out.meanResponseMs);
    expect(out.statistics.utilization).toBeGreaterThan(0.87);
    expect(out.statistics.utilization).toBeLessThan(0.93);
    expect(out.statistics.completions).toBeGreaterThan(0.95 * (out.customers - 90 * 100));
    expect(out.statistics.p99Ms).toBeGreaterThan(out.meanResponseMs);
  });
});
