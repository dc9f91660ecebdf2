import type { ArrivalProfile, AutoscalingPolicy, CircuitBreakerPolicy, RetryPolicy } from '@architech/contracts';

/*
 * What an optional setting holds the moment it is switched on: valid values from the examples of
 * docs/architecture.md §4, so a design stays runnable while the user adjusts them. Fields with a schema
 * default are left out, so the design says only what the user chose.
 */

/** Retry with exponential backoff from 50 ms, jittered: `{ maxAttempts: 3, backoff: 'exponential', baseMs: 50, jitter: true }`. */
export const NEW_RETRY: Partial<RetryPolicy> = { maxAttempts: 3, backoff: 'exponential', baseMs: 50, jitter: true };

/** A breaker that opens for 5 s when half of the last 20 calls failed. */
export const NEW_CIRCUIT_BREAKER: Partial<CircuitBreakerPolicy> = { failureThreshold: 0.5, windowSize: 20, openMs: 5000 };

/** Autoscaling from the current replica count up to at least 10, aiming at 70 % utilisation. */
export function newAutoscaling(replicas: number | undefined): Partial<AutoscalingPolicy> {
  const from = replicas !== undefined && Number.isInteger(replicas) && replicas >= 1 ? replicas : 1;
  return { minReplicas: from, maxReplicas: Math.max(10, from), targetUtilization: 0.7, scaleOutDelaySec: 30, cooldownSec: 60 };
}

/** The arrival-profile shapes, in the order the editor offers them. */
export const PROFILE_SHAPES: readonly { readonly value: ArrivalProfile['shape']; readonly label: string }[] = [
  { value: 'ramp', label: 'Ramp' },
  { value: 'spike', label: 'Spike' },
  { value: 'diurnal', label: 'Diurnal (sine)' },
  { value: 'points', label: 'Points (piecewise linear)' },
];

/**
 * A profile of `shape` around the client's base rate: a ramp to twice the rate over the first
 * minute, a 10 s spike to five times the rate at 60 s (the §4 example), a ±50 % daily wave, or two
 * points from the rate to twice the rate over a minute.
 */
export function newProfile(shape: ArrivalProfile['shape'], baseRatePerSec: number | undefined): Partial<ArrivalProfile> {
  const rate = baseRatePerSec !== undefined && baseRatePerSec > 0 ? baseRatePerSec : 50;
  switch (shape) {
    case 'ramp':
      return { shape, toRatePerSec: rate * 2, startSec: 0, endSec: 60 };
    case 'spike':
      return { shape, ratePerSec: rate * 5, startSec: 60, durationSec: 10 };
    case 'diurnal':
      return { shape, amplitude: 0.5 };
    case 'points':
      return { shape, points: [[0, rate], [60, rate * 2]] };
  }
}
