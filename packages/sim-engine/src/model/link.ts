import type { Rng } from '../random/rng';
import type { Sampler } from '../random/distributions';
import type { SimNode } from './node';

/** How a caller uses one connection in its call graph (see `ConnectionSpec`). */
export interface CallRole {
  /** Stage of the call when the source fans out to all downstreams; 0 when it picks one. */
  stage: number;
  /** Share of requests that make this call (fan-out only). */
  probability: number;
  /** The caller tolerates this call's failure (a fallback). */
  optional: boolean;
}

const PLAIN: CallRole = { stage: 0, probability: 1, optional: false };

/**
 * A connection at run time: one-way latency sampled per crossing, packet loss, routing weight,
 * its role in the caller's call graph, plus the faults currently applied to it.
 */
export class Link {
  /** Calls currently outstanding on this link (least-connections routing). */
  inFlight = 0;
  /** Set by faults through {@link applyFaults}. */
  extraDelayMs = 0;
  faultLossRate = 0;
  partitions = 0;
  /**
   * No latency and no loss, configured or injected: a crossing takes no time and draws nothing, so
   * callers may skip {@link loses} and {@link delayMs} (which would answer false and 0).
   */
  direct: boolean;
  /** Fan-out stage (1, 2, …) when the source calls all its downstreams; 0 otherwise. */
  readonly stage: number;
  readonly probability: number;
  readonly optional: boolean;

  constructor(
    readonly id: string,
    readonly source: SimNode,
    readonly target: SimNode,
    readonly weight: number,
    private readonly latency: Sampler | null,
    private readonly baseLossRate: number,
    private readonly rng: Rng,
    role: CallRole = PLAIN,
  ) {
    this.stage = role.stage;
    this.probability = role.probability;
    this.optional = role.optional;
    this.direct = this.isDirect();
  }

  /** The combined effect of the faults active on this connection. */
  applyFaults(lossRate: number, partitions: number, extraDelayMs: number): void {
    this.faultLossRate = lossRate;
    this.partitions = partitions;
    this.extraDelayMs = extraDelayMs;
    this.direct = this.isDirect();
  }

  private isDirect(): boolean {
    return this.latency === null && this.baseLossRate === 0 && this.faultLossRate === 0 && this.partitions === 0 && this.extraDelayMs === 0;
  }

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
