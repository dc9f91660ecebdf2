import type { Rng } from './rng';

/**
 * Standard normal variates by the Marsaglia polar method.
 *
 * Each accepted pair yields two independent variates; the second is cached so
 * every other call costs no generator draws and no `log`/`sqrt`. The cache
 * makes an instance stateful: a spare drawn from one `Rng` is returned on the
 * next call even if a different `Rng` is passed, so give each stream its own
 * instance or determinism per stream is lost.
 *
 * Uniforms have 2^-32 resolution, so |z| is bounded by about 9.3 — far beyond
 * any tail a simulation run will visit.
 */
export class PolarGaussian {
  private spare = 0;
  private hasSpare = false;

  /** Next N(0, 1) variate. */
  next(rng: Rng): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng.next() - 1;
      v = 2 * rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}
