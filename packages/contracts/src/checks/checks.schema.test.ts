import { parse as parseYaml } from 'yaml';
import type { Design } from '../design.schema';
import { componentsCovered, validateChecksFile, validateRequirement } from './checks-validation';
import { CHECK_LIMITS } from './checks.schema';

const requirement = {
  id: 'REQ-0001',
  statement: 'Checkout p99 stays under 300 ms at peak',
  tags: ['performance'],
  scenario: { durationSec: 600, warmupSec: 'auto', workload: { rateMultiplier: 2 }, faults: [{ type: 'crash', target: 'db', startSec: 200, durationSec: 30 }] },
  criteria: [
    { metric: 'latencyP99Ms', op: '<', value: 300 },
    { metric: 'errorRate', op: '<', value: 0.05, window: 'fault' },
    { metric: 'recoverySec', op: '<=', value: 30 },
    { metric: 'utilization', component: 'db', op: '<', value: 0.8 },
  ],
};
const design: Design = {
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
    { id: 'db', type: 'DATABASE', properties: {} },
  ],
  connections: [{ id: 'c', source: 'users', target: 'db', properties: {} }],
} as unknown as Design;

const paths = (input: unknown, d?: Design) => {
  const o = validateChecksFile(input, d);
  return o.ok ? [] : o.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('the checks file', () => {
  it('accepts the documented example, filling in five replications', () => {
    const o = validateChecksFile({ requirements: [requirement] }, design);
    expect(o.ok && o.value.requirements[0].scenario.replications).toBe(CHECK_LIMITS.defaultReplications);
  });

  it('reads the same from YAML', () => {
    const yaml = `requirements:
  - id: REQ-0001
    statement: Checkout p99 stays under 300 ms at peak
    scenario: { durationSec: 600, replications: 3 }
    criteria:
      - { metric: latencyP99Ms, op: "<", value: 300 }
      - { metric: errorRate, op: "<", value: 0.05, window: { fromSec: 100, toSec: 200 } }
`;
    const o = validateChecksFile(parseYaml(yaml));
    expect(o.ok).toBe(true);
  });

  it('names the field of every problem', () => {
    expect(paths({ requirements: [{ ...requirement, id: 'R1' }] })).toEqual([expect.stringMatching(/^requirements\[0\]\.id: a requirement id is REQ-/)]);
    expect(paths({ requirements: [requirement, requirement] })).toEqual(['requirements[1].id: duplicate requirement id REQ-0001']);
    expect(paths({ requirements: [{ ...requirement, criteria: [{ metric: 'utilization', op: '<', value: 1 }] }] })).toEqual(['requirements[0].criteria[0].component: utilization is a component metric: name the component']);
    expect(paths({ requirements: [{ ...requirement, scenario: { durationSec: 60 } }] })).toEqual([
      'requirements[0].criteria[1].window: the fault window needs faults in the scenario',
      'requirements[0].criteria[2].metric: recoverySec needs faults in the scenario',
    ]);
    expect(paths({ requirements: [{ ...requirement, criteria: [{ metric: 'errorRate', op: '<', value: 1, window: { fromSec: 10, toSec: 900 } }] }] })).toEqual([
      'requirements[0].criteria[0].window.toSec: the window ends after the run (600 s)',
    ]);
    expect(paths({ requirements: [{ ...requirement, scenario: { ...requirement.scenario, replications: 31 } }] })).toEqual(['requirements[0].scenario.replications: at most 30 replications per requirement']);
  });

  it('checks components and fault targets against the design', () => {
    const r = { ...requirement, criteria: [{ metric: 'utilization', component: 'cache', op: '<', value: 0.8 }], scenario: { ...requirement.scenario, faults: [{ type: 'crash', target: 'nope', startSec: 1 }] } };
    expect(paths({ requirements: [r] }, design)).toEqual([expect.stringMatching(/^requirements\[0\]\.scenario\.faults\[0\]\.target: /), "requirements[0].criteria[0].component: the design has no component 'cache'"]);
    expect(validateRequirement(r).ok).toBe(true);
  });

  it('lists the components a requirement exercises', () => {
    const o = validateRequirement(requirement);
    expect(o.ok && componentsCovered(o.value)).toEqual(['db']);
  });
});
