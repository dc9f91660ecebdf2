import type { Rng } from '../random/rng';
import type { Sampler } from '../random/distributions';
import type { SimNode } from './node';

/**
 * A connection at run time: one-way latency sampled per crossing, packet loss, routing weight,
 * plus the faults currently applied to it.
 */
export class Link {
  /** Calls currently outstanding on this link (least-connections routing). */
  inFlight = 0;
  extraDelayMs = 0;
  faultLossRate = 0;
  partitions = 0;

  constructor(
    readonly id: string,
    readonly source: SimNode,
    readonly target: SimNode,
    readonly weight: number,
    private readonly latency: Sampler | null,
    private readonly baseLossRate: number,
    private readonly rng: Rng,
  ) {}

  /** Samples one crossing's delay in milliseconds. */
  delayMs(): number {
    const base = this.latency === null ? 0 : this.latency.sample(this.rng);
    return base + this.extraDelayMs;
  }

  /** Decides whether one crossing loses its message. */
  loses(): boolean {
    if (this.partitions > 0) return true;
    const p = this.baseLossRate + this.faultLossRate - this.baseLossRate * this.faultLossRate;
    return p > 0 && this.rng.next() < p;
  }
}
