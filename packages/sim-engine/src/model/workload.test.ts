import { designSchema, resolveDesign } from '@architech/contracts';
import type { DesignSpec } from './design';
import { applyWorkload } from './workload';
import { simulate } from '../runtime/simulate';

const design: DesignSpec = resolveDesign(
  designSchema.parse({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100, profile: { shape: 'spike', ratePerSec: 300, startSec: 10, durationSec: 5 } } } },
    { id: 'bots', type: 'CLIENT', properties: { arrival: { process: 'constant', ratePerSec: 10 } } },
    { id: 'api', type: 'SERVICE', properties: { replicas: 1, workers: 4, serviceTime: { dist: 'constant', value: 1 } } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'api', properties: { packetLossRate: 0, weight: 1 } },
    { id: 'c2', source: 'bots', target: 'api', properties: { packetLossRate: 0, weight: 1 } },
  ],
  }),
);

describe('a workload override', () => {
  it('sets a client’s base rate and scales its profile by the same ratio', () => {
    const out = applyWorkload(design, { rateMultiplier: 1, clients: { users: { ratePerSec: 50 } } });
    expect((out.components[0]!.properties as { arrival: unknown }).arrival).toEqual({ process: 'poisson', ratePerSec: 50, profile: { shape: 'spike', ratePerSec: 150, startSec: 10, durationSec: 5 } });
    expect((out.components[1]!.properties as { arrival: { ratePerSec: number } }).arrival.ratePerSec).toBe(10);
  });

  it('multiplies every client’s rate, after the per-client base', () => {
    const out = applyWorkload(design, { rateMultiplier: 2, clients: { users: { ratePerSec: 50 } } });
    expect(out.components.map((c) => (c.type === 'CLIENT' ? c.properties.arrival.ratePerSec : undefined))).toEqual([100, 20, undefined]);
  });

  it('leaves the design untouched without an override', () => {
    expect(applyWorkload(design, undefined)).toBe(design);
    expect(applyWorkload(design, { rateMultiplier: 1, clients: {} })).toBe(design);
    expect((design.components[0]!.properties as { arrival: { ratePerSec: number } }).arrival.ratePerSec).toBe(100);
  });

  it('changes what the engine offers: twice the constant rate, twice the arrivals', () => {
    const only = { components: [design.components[1]!, design.components[2]!], connections: [design.connections[1]!] };
    const config = { durationSec: 20, warmupSec: 0, seed: 1, replications: 1, maxReplications: 2, faults: [], tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 } };
    const base = simulate(only, config).summary.components.api!.arrivals;
    const doubled = simulate(only, { ...config, workload: { rateMultiplier: 2, clients: {} } }).summary.components.api!.arrivals;
    expect(base).toBeCloseTo(200, -1);
    expect(doubled).toBeCloseTo(2 * base, -1);
  });
});
