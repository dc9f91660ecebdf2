import type { ArrivalProfileSpec, ArrivalSpec, DesignSpec, WorkloadSpec } from './design';

/**
 * The design with its clients' offered load replaced by the run's workload: a client listed in
 * `workload.clients` gets that base rate, then every client's rate is multiplied by
 * `rateMultiplier`. An arrival profile is scaled by the same ratio as its client's base rate, so a
 * spike to 3× stays a spike to 3× of the new rate. The design itself is not modified.
 *
 * @example applyWorkload(design, { rateMultiplier: 2, clients: { web: { ratePerSec: 100 } } })
 */
export function applyWorkload(design: DesignSpec, workload: WorkloadSpec | undefined): DesignSpec {
  if (!workload || (workload.rateMultiplier === 1 && Object.keys(workload.clients).length === 0)) return design;
  return {
    ...design,
    components: design.components.map((component) => {
      if (component.type !== 'CLIENT') return component;
      const arrival = component.properties.arrival;
      const base = workload.clients[component.id]?.ratePerSec ?? arrival.ratePerSec;
      const ratio = arrival.ratePerSec > 0 ? (base * workload.rateMultiplier) / arrival.ratePerSec : 0;
      return { ...component, properties: { ...component.properties, arrival: scaleArrival(arrival, base * workload.rateMultiplier, ratio) } };
    }),
  };
}

function scaleArrival(arrival: ArrivalSpec, ratePerSec: number, ratio: number): ArrivalSpec {
  return arrival.profile ? { ...arrival, ratePerSec, profile: scaleProfile(arrival.profile, ratio) } : { ...arrival, ratePerSec };
}

function scaleProfile(profile: ArrivalProfileSpec, ratio: number): ArrivalProfileSpec {
  switch (profile.shape) {
    case 'ramp':
      return { ...profile, toRatePerSec: profile.toRatePerSec * ratio };
    case 'spike':
      return { ...profile, ratePerSec: profile.ratePerSec * ratio };
    case 'diurnal':
      // The amplitude is relative to the base rate, so it scales with it.
      return profile;
    case 'points':
      return { ...profile, points: profile.points.map(([t, rate]) => [t, rate * ratio] as [number, number]) };
  }
}
