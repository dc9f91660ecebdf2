import type { ArrivalProfileSpec } from './design';

/**
 * The arrival rate (requests per second) of a client at simulated time `tSec`, given its base
 * rate and optional profile.
 */
export function rateAt(baseRatePerSec: number, profile: ArrivalProfileSpec | undefined, tSec: number): number {
  if (!profile) return baseRatePerSec;
  switch (profile.shape) {
    case 'ramp': {
      if (tSec <= profile.startSec) return baseRatePerSec;
      if (tSec >= profile.endSec) return profile.toRatePerSec;
      const f = (tSec - profile.startSec) / (profile.endSec - profile.startSec);
      return baseRatePerSec + f * (profile.toRatePerSec - baseRatePerSec);
    }
    case 'spike': {
      const end = profile.durationSec === undefined ? Infinity : profile.startSec + profile.durationSec;
      return tSec >= profile.startSec && tSec < end ? profile.ratePerSec : baseRatePerSec;
    }
    case 'diurnal':
      return Math.max(0, baseRatePerSec * (1 + profile.amplitude * Math.sin((2 * Math.PI * (tSec + profile.phaseSec)) / profile.periodSec)));
    case 'points': {
      const pts = profile.points;
      if (tSec <= pts[0][0]) return pts[0][1];
      for (let i = 1; i < pts.length; i++) {
        if (tSec < pts[i][0]) {
          const [t0, r0] = pts[i - 1];
          const [t1, r1] = pts[i];
          return r0 + ((tSec - t0) / (t1 - t0)) * (r1 - r0);
        }
      }
      return pts[pts.length - 1][1];
    }
  }
}

/** The highest rate the profile ever reaches: the envelope for thinning. */
export function maxRate(baseRatePerSec: number, profile: ArrivalProfileSpec | undefined): number {
  if (!profile) return baseRatePerSec;
  switch (profile.shape) {
    case 'ramp':
      return Math.max(baseRatePerSec, profile.toRatePerSec);
    case 'spike':
      return Math.max(baseRatePerSec, profile.ratePerSec);
    case 'diurnal':
      return baseRatePerSec * (1 + profile.amplitude);
    case 'points':
      return Math.max(...profile.points.map((p) => p[1]));
  }
}
