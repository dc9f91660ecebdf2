import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { LIMITS } from './limits';

const rate = z.number().min(0).max(LIMITS.maxRatePerSec);

/** Linear change of the rate from the base rate to `toRatePerSec` between `startSec` and `endSec`. */
const rampProfile = z
  .strictObject({ shape: z.literal('ramp'), toRatePerSec: rate, startSec: z.number().min(0).default(DEFAULTS.rampProfile.startSec), endSec: z.number().positive() })
  .refine((p) => p.endSec > p.startSec, { message: 'endSec must be after startSec', path: ['endSec'] });

/** The rate jumps to `ratePerSec` for `durationSec` from `startSec` (a step when durationSec is omitted). */
const spikeProfile = z.strictObject({
  shape: z.literal('spike'),
  ratePerSec: rate,
  startSec: z.number().min(0),
  durationSec: z.number().positive().optional(),
});

/** rate(t) = base × (1 + amplitude × sin(2π (t + phaseSec) / periodSec)). */
const diurnalProfile = z.strictObject({
  shape: z.literal('diurnal'),
  amplitude: z.number().min(0).max(1),
  periodSec: z.number().positive().default(DEFAULTS.diurnalProfile.periodSec),
  phaseSec: z.number().default(DEFAULTS.diurnalProfile.phaseSec),
});

/** Piecewise-linear rate through `[timeSec, ratePerSec]` points; constant before the first and after the last. */
const pointsProfile = z
  .strictObject({
    shape: z.literal('points'),
    points: z.array(z.tuple([z.number().min(0), rate])).min(1).max(LIMITS.maxProfilePoints),
  })
  .refine((p) => p.points.every((pt, i) => i === 0 || pt[0] > p.points[i - 1][0]), {
    message: 'points must have strictly increasing times',
    path: ['points'],
  });

/** A time-varying arrival rate. */
export const arrivalProfileSchema = z.discriminatedUnion('shape', [rampProfile, spikeProfile, diurnalProfile, pointsProfile]);

/**
 * How a CLIENT emits requests.
 *
 * @example { "process": "poisson", "ratePerSec": 80, "profile": { "shape": "spike", "ratePerSec": 400, "startSec": 60, "durationSec": 10 } }
 */
export const arrivalSchema = z.strictObject({
  process: z.enum(['poisson', 'constant']),
  ratePerSec: z.number().positive().max(LIMITS.maxRatePerSec),
  profile: arrivalProfileSchema.optional(),
});

export type ArrivalProfile = z.output<typeof arrivalProfileSchema>;
export type Arrival = z.output<typeof arrivalSchema>;
