import { z } from 'zod';

const nonNegative = z.number().min(0);
const positive = z.number().positive();

/**
 * A probability distribution of a duration in milliseconds.
 *
 * @example { "dist": "exponential", "mean": 10 }
 */
export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('exponential'), mean: positive }),
  z.strictObject({ dist: z.literal('constant'), value: nonNegative }),
  z
    .strictObject({ dist: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((d) => d.max >= d.min, { message: 'max must be greater than or equal to min', path: ['max'] }),
  z.strictObject({ dist: z.literal('normal'), mean: nonNegative, stddev: nonNegative }),
  z.strictObject({ dist: z.literal('lognormal'), mean: positive, stddev: nonNegative }),
]);

/** A duration distribution (milliseconds), as validated. */
export type Distribution = z.output<typeof distributionSchema>;
