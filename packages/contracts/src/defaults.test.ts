import { DEFAULTS, formatDefault, renderDefaultsTable } from './defaults';
import { designSchema } from './design.schema';
import { resolveDesign } from './resolved-design';
import { simulationConfigSchema } from './simulation-config.schema';

const exp = { dist: 'exponential', mean: 10 };

/** A design where every defaultable field is left out. */
const sparse = designSchema.parse({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 5, profile: { shape: 'ramp', toRatePerSec: 9, endSec: 10 } } } },
    { id: 'night', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 5, profile: { shape: 'diurnal', amplitude: 0.5 } } } },
    { id: 'lb', type: 'LOAD_BALANCER' },
    { id: 'api', type: 'SERVICE', properties: { serviceTime: exp, retry: { maxAttempts: 2 }, circuitBreaker: { failureThreshold: 0.5, windowSize: 10, openMs: 100 }, autoscaling: { minReplicas: 1, maxReplicas: 2, targetUtilization: 0.5 } } },
    { id: 'q', type: 'QUEUE' },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'lb' },
    { id: 'c2', source: 'lb', target: 'api', properties: { weight: 3, optional: true } },
  ],
});

describe('DEFAULTS', () => {
  it('are what the design schema fills in', () => {
    const [users, night, lb, api, queue] = sparse.components;
    expect(users!.type === 'CLIENT' && users!.properties.arrival.profile).toMatchObject(DEFAULTS.rampProfile);
    expect(night!.type === 'CLIENT' && night!.properties.arrival.profile).toMatchObject(DEFAULTS.diurnalProfile);
    expect(lb!.properties).toEqual(DEFAULTS.loadBalancer);
    expect(queue!.properties).toEqual(DEFAULTS.queue);
    expect(api!.type === 'SERVICE' && api!.properties).toMatchObject({ ...DEFAULTS.station, retry: DEFAULTS.retry, circuitBreaker: DEFAULTS.circuitBreaker, autoscaling: DEFAULTS.autoscaling });
    expect(sparse.connections[0]!.properties).toEqual({ packetLossRate: DEFAULTS.connection.packetLossRate });
  });

  it('are what the configuration schema fills in', () => {
    const config = simulationConfigSchema.parse({ durationSec: 60, workload: {}, faults: [{ type: 'error', target: 'api', startSec: 1 }, { type: 'slowdown', target: 'api', startSec: 1 }] });
    expect(config).toMatchObject({ ...DEFAULTS.simulation, tracing: DEFAULTS.tracing, workload: DEFAULTS.workload });
    expect(config.faults).toMatchObject([DEFAULTS.errorFault, DEFAULTS.slowdownFault]);
  });

  it('render as documents write them', () => {
    expect([formatDefault(86_400), formatDefault(10_000), formatDefault(1000), formatDefault(0.01), formatDefault('one'), formatDefault(false)]).toEqual(['86 400', '10 000', '1000', '0.01', '`one`', 'false']);
    expect(renderDefaultsTable()).toContain('| connection `properties` | `weight` | 1 |');
  });
});

describe('resolveDesign', () => {
  it('fills in the call roles the schema keeps as written, and keeps what was written', () => {
    const resolved = resolveDesign(sparse);
    const { packetLossRate: _, ...roles } = DEFAULTS.connection;
    expect(resolved.connections[0]!.properties).toEqual(DEFAULTS.connection);
    expect(resolved.connections[1]!.properties).toEqual({ packetLossRate: 0, ...roles, weight: 3, optional: true });
    expect(resolved.components).toBe(sparse.components);
    // The validated design itself is not changed: a misplaced weight can still be named.
    expect(sparse.connections[0]!.properties.weight).toBeUndefined();
  });
});
