import { checkDesignGraph, validateDesign } from './design-validation';
import { designSchema } from './design.schema';
import { formatPath } from './issues';

const valid = () => ({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
    { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy: 'least_connections' } },
    { id: 'api', type: 'SERVICE', properties: { replicas: 2, serviceTime: { dist: 'exponential', mean: 10 } } },
    { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'lognormal', mean: 5, stddev: 2 }, timeoutMs: 100 } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'lb' },
    { id: 'c2', source: 'lb', target: 'api', properties: { latency: { dist: 'constant', value: 1 } } },
    { id: 'c3', source: 'api', target: 'db' },
  ],
});

function issuesOf(design: unknown) {
  const outcome = validateDesign(design);
  if (outcome.ok) throw new Error('expected the design to be rejected');
  return outcome.issues;
}

describe('design validation', () => {
  it('accepts a valid design and fills in defaults', () => {
    const outcome = validateDesign(valid());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const api = outcome.value.components[2];
    expect(api.type === 'SERVICE' && api.properties.workers).toBe(1);
    expect(outcome.value.connections[0].properties).toEqual({ packetLossRate: 0 });
  });

  it('names the path of a bad field', () => {
    const d = valid();
    (d.components[2].properties as any).serviceTime.mean = -3;
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: 'components[2].properties.serviceTime.mean', code: 'too_small' })]);
  });

  it('rejects unknown component types and unknown (misspelt) properties', () => {
    const d = valid();
    (d.components[1] as any).type = 'ROUTER';
    (d.components[2].properties as any).serviceTim = 3;
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['components[1].type', 'components[2].properties']));
    expect(issues.find((i) => i.path === 'components[2].properties')?.message).toMatch(/serviceTim/);
  });

  it('rejects a missing or negative arrival rate', () => {
    const d = valid();
    (d.components[0].properties as any).arrival.ratePerSec = -1;
    expect(issuesOf(d)[0].path).toBe('components[0].properties.arrival.ratePerSec');
    delete (d.components[0].properties as any).arrival.ratePerSec;
    expect(issuesOf(d)[0].path).toBe('components[0].properties.arrival.ratePerSec');
  });

  it('rejects dangling connections, naming the end that dangles', () => {
    const d = valid();
    d.connections[2].target = 'nowhere';
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: 'connections[2].target', code: 'dangling_connection' })]);
  });

  it('rejects a CLIENT without a downstream and a connection into a CLIENT', () => {
    const d = valid();
    d.connections[0] = { id: 'c1', source: 'lb', target: 'users' };
    const codes = issuesOf(d).map((i) => `${i.path}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['connections[0].target:invalid_target', 'components[0]:no_downstream']));
  });

  it('rejects duplicate ids across components and connections', () => {
    const d = valid();
    d.connections[1].id = 'api';
    expect(issuesOf(d)[0]).toEqual(expect.objectContaining({ path: 'connections[1].id', code: 'duplicate_id' }));
  });

  it('rejects a synchronous cycle but allows one through a QUEUE', () => {
    const d = valid();
    d.connections.push({ id: 'back', source: 'db', target: 'api' });
    const cycle = issuesOf(d).find((i) => i.code === 'cycle');
    expect(cycle?.message).toMatch(/api → db → api/);
    const viaQueue = valid();
    viaQueue.components.push({ id: 'q', type: 'QUEUE', properties: {} } as any);
    viaQueue.connections.push({ id: 'toq', source: 'db', target: 'q' }, { id: 'fromq', source: 'q', target: 'api' });
    expect(validateDesign(viaQueue).ok).toBe(true);
  });

  it('warns about components no client reaches', () => {
    const d = valid();
    d.components.push({ id: 'idle', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 1 } } } as any);
    const outcome = validateDesign(d);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([expect.objectContaining({ path: 'components[4]', code: 'unreachable' })]);
  });

  it('enforces the design size limit', () => {
    const d = valid();
    d.components = Array.from({ length: 1001 }, (_, i) => ({ id: `s${i}`, type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 1 } } })) as any;
    expect(issuesOf(d)[0]).toEqual(expect.objectContaining({ path: 'components', code: 'too_big' }));
  });

  it('formats paths the way JSON tools do', () => {
    expect(formatPath(['components', 2, 'properties', 'serviceTime', 'mean'])).toBe('components[2].properties.serviceTime.mean');
    expect(formatPath([])).toBe('');
  });
});

describe('call graphs (fanOut, stage, probability, optional)', () => {
  const fanOut = (role: Record<string, unknown> = {}, mode: 'one' | 'all' = 'all') => {
    const d = valid() as any;
    d.components[2].properties.fanOut = mode;
    d.components.push({ id: 'cache', type: 'CACHE', properties: { hitRatio: 1, serviceTime: { dist: 'constant', value: 1 } } });
    d.connections.push({ id: 'c4', source: 'api', target: 'cache', properties: { stage: 2, ...role } });
    return d;
  };

  it('accepts stages, probabilities and optional calls under fanOut "all", and fills fanOut "one" by default', () => {
    const outcome = validateDesign(fanOut({ probability: 0.25, optional: true }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const api = outcome.value.components[2];
    expect(api.type === 'SERVICE' && api.properties.fanOut).toBe('all');
    expect(outcome.value.connections[3].properties).toMatchObject({ stage: 2, probability: 0.25, optional: true });
    const plain = validateDesign(valid());
    expect(plain.ok && plain.value.components[3].type === 'DATABASE' && plain.value.components[3].properties.fanOut).toBe('one');
  });

  it('accepts optional under fanOut "one", where it is the only call-graph field that applies', () => {
    const d = valid() as any;
    d.connections[2].properties = { optional: true };
    expect(validateDesign(d).ok).toBe(true);
  });

  it('refuses stage and probability when the source picks one downstream, naming the field', () => {
    const issues = issuesOf(fanOut({ probability: 0.5 }, 'one'));
    expect(issues.map((i) => i.path).sort()).toEqual(['connections[3].properties.probability', 'connections[3].properties.stage']);
    expect(issues[0].code).toBe('not_applicable');
    expect(issues[0].message).toMatch(/fanOut: "all"/);
    const d = valid() as any;
    d.connections[1].properties.stage = 1;
    expect(issuesOf(d)).toEqual([expect.objectContaining({ path: 'connections[1].properties.stage', message: expect.stringMatching(/LOAD_BALANCER/) })]);
  });

  it('refuses a weight under fanOut "all"', () => {
    expect(issuesOf(fanOut({ weight: 2 }))).toEqual([expect.objectContaining({ path: 'connections[3].properties.weight', code: 'not_applicable' })]);
  });

  it('refuses a stage below 1 or not whole, a probability outside [0, 1], fanOut on a load balancer, and unknown modes', () => {
    expect(issuesOf(fanOut({ stage: 0 }))[0]).toMatchObject({ path: 'connections[3].properties.stage', code: 'too_small' });
    expect(issuesOf(fanOut({ stage: 1.5 }))[0]).toMatchObject({ path: 'connections[3].properties.stage', code: 'invalid_type' });
    expect(issuesOf(fanOut({ probability: 1.2 }))[0]).toMatchObject({ path: 'connections[3].properties.probability', code: 'too_big' });
    expect(issuesOf(fanOut({ probability: -0.1 }))[0]).toMatchObject({ path: 'connections[3].properties.probability', code: 'too_small' });
    const lb = valid() as any;
    lb.components[1].properties.fanOut = 'all';
    expect(issuesOf(lb)[0]).toMatchObject({ path: 'components[1].properties', code: 'unrecognized_keys' });
    const mode = fanOut();
    mode.components[2].properties.fanOut = 'some';
    expect(issuesOf(mode)[0]).toMatchObject({ path: 'components[2].properties.fanOut' });
  });
});

describe('checkDesignGraph', () => {
  it('finds on a parsed design exactly what validateDesign finds, without parsing it again', () => {
    const broken = {
      components: [
        { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
        { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 5 } } },
      ],
      connections: [
        { id: 'c1', source: 'users', target: 'api' },
        { id: 'c2', source: 'api', target: 'nowhere' },
        { id: 'api', source: 'api', target: 'api' },
      ],
    };
    const parsed = designSchema.parse(broken);
    const direct = checkDesignGraph(parsed);
    expect(direct.ok).toBe(false);
    expect(direct).toEqual(validateDesign(broken));
    expect(direct.ok ? [] : direct.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['dangling_connection', 'duplicate_id', 'self_loop']));
  });
});
