/** Statistics primitives for the simulation engine: quantiles, confidence intervals, warm-up, time averages. */
export { QuantileSketch } from './ddsketch';
export type { QuantileSketchOptions } from './ddsketch';
export { studentTCdf, studentTQuantile } from './student-t';
export { meanWithCi95, relativeHalfWidth } from './confidence';
export type { MeanWithCi } from './confidence';
export { mser5 } from './mser';
export type { MserOptions, MserResult } from './mser';
export { TimeWeightedValue } from './time-weighted';
