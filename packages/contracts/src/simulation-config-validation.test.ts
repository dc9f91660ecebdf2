import { validateDesign } from './design-validation';
import { validateSimulationConfig } from './simulation-config-validation';

const design = (() => {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'constant', ratePerSec: 5 } } },
      { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 1 } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }],
  });
  if (!outcome.ok) throw new Error('fixture invalid');
  return outcome.value;
})();

describe('simulation configuration validation', () => {
  it('fills in defaults', () => {
    const outcome = validateSimulationConfig({ durationSec: 60 }, design);
    expect(outcome.ok && outcome.value).toEqual(expect.objectContaining({ warmupSec: 0, seed: 1, replications: 1, faults: [] }));
  });

  it('enforces the duration and replication limits', () => {
    const tooLong = validateSimulationConfig({ durationSec: 90_000 }, design);
    expect(!tooLong.ok && tooLong.issues[0].path).toBe('durationSec');
    const tooMany = validateSimulationConfig({ durationSec: 60, replications: 1000 }, design);
    expect(!tooMany.ok && tooMany.issues[0].path).toBe('replications');
  });

  it('rejects a warm-up as long as the run', () => {
    const outcome = validateSimulationConfig({ durationSec: 60, warmupSec: 60 }, design);
    expect(!outcome.ok && outcome.issues[0].path).toBe('warmupSec');
    expect(validateSimulationConfig({ durationSec: 60, warmupSec: 'auto' }, design).ok).toBe(true);
  });

  it('checks that each fault targets something that exists and accepts it', () => {
    const outcome = validateSimulationConfig({
      durationSec: 60,
      faults: [
        { type: 'crash', target: 'nope', startSec: 1 },
        { type: 'crash', target: 'c1', startSec: 1 },
        { type: 'crash', target: 'users', startSec: 1 },
        { type: 'partition', target: 'c1', startSec: 1, durationSec: 5 },
      ],
    }, design);
    expect(!outcome.ok && outcome.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'faults[0].target:unknown_target',
      'faults[1].target:invalid_target',
      'faults[2].target:invalid_target',
    ]);
  });

  it('overrides the workload of clients only, with positive rates', () => {
    const ok = validateSimulationConfig({ durationSec: 60, workload: { clients: { users: { ratePerSec: 50 } } } }, design);
    expect(ok.ok && ok.value.workload).toEqual({ rateMultiplier: 1, clients: { users: { ratePerSec: 50 } } });
    const notAClient = validateSimulationConfig({ durationSec: 60, workload: { rateMultiplier: 2, clients: { api: { ratePerSec: 50 } } } }, design);
    expect(!notAClient.ok && notAClient.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['workload.clients.api:invalid_target']);
    const negative = validateSimulationConfig({ durationSec: 60, workload: { rateMultiplier: -1 } }, design);
    expect(!negative.ok && negative.issues[0]!.path).toBe('workload.rateMultiplier');
  });

  it('warns about a fault that starts after the run', () => {
    const outcome = validateSimulationConfig({ durationSec: 60, faults: [{ type: 'slowdown', target: 'api', startSec: 90 }] }, design);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings[0].path).toBe('faults[0].startSec');
  });
});
