/** Width of a connection carrying 1 request per second or less, world units. */
const BASE_WIDTH = 1.5;
/** Extra width per decade of throughput. */
const WIDTH_PER_DECADE = 2;
/** The widest a connection gets: wider would swallow the arrowheads. */
const MAX_WIDTH = 12;

/**
 * How thick a connection is drawn for a throughput, world units: logarithmic, so 1 req/s and
 * 10,000 req/s both read on the same canvas (each ×10 adds {@link WIDTH_PER_DECADE}); 0 when
 * nothing flows.
 *
 * @example flowWidth(100) ≈ 5.5
 */
export function flowWidth(ratePerSec: number): number {
  if (!(ratePerSec > 0)) return 0;
  return Math.min(MAX_WIDTH, BASE_WIDTH + WIDTH_PER_DECADE * Math.log10(1 + ratePerSec));
}

/** The rates the legend shows a sample line for. */
export const FLOW_LEGEND_RATES = [1, 10, 100, 1000] as const;
