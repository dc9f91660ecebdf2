import { join } from 'node:path';
import { importInfrastructure } from '../src';
import { byName, edges, expectRunnable, FIXTURES, load, props, REPO } from './support';

describe('docker-compose import', () => {
  it('turns a 10-service shop into proxy, services, database, cache and broker with their calls', async () => {
    const result = await importInfrastructure(load(join(FIXTURES, 'compose')));
    expectRunnable(result);
    const types = Object.fromEntries(result.design.components.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      clients: 'CLIENT', proxy: 'LOAD_BALANCER', web: 'SERVICE', api: 'SERVICE', payments: 'SERVICE', 'order-worker': 'SERVICE',
      'email-worker': 'SERVICE', postgres: 'DATABASE', redis: 'CACHE', kafka: 'QUEUE', 'zookeeper-free-admin': 'SERVICE',
    });
    expect(props(byName(result, 'api'))).toMatchObject({ replicas: 3, workers: 12, fanOut: 'all' });
    expect(props(byName(result, 'web')).replicas).toBe(2);
    expect(props(byName(result, 'order-worker')).replicas).toBe(4);
    expect(edges(result)).toEqual([
      'api>kafka', 'api>payments', 'api>redis', 'clients>proxy', 'kafka>email-worker', 'kafka>order-worker', 'order-worker>postgres',
      'payments>postgres', 'proxy>api', 'proxy>web', 'redis>postgres', 'web>api', 'zookeeper-free-admin>postgres',
    ]);
    const why = result.evidence.find((e) => e.connection === result.design.connections!.find((c) => c.source === 'api' && c.target === 'payments')!.id);
    expect(why).toMatchObject({ evidence: 'environment PAYMENTS_URL names payments', file: 'packages/iac-import/test/fixtures/compose/shop.compose.yml', line: 23 });
    expect(result.metadata).toMatchObject({ originalFormat: 'compose', resourceCount: 10, complexity: 'medium' });
    expect(result.metadata.servicesUsed).toEqual(expect.arrayContaining(['nginx', 'postgres', 'redis', 'kafka']));
    expect(result.assumptions.map((a) => a.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('api reads postgres through the cache redis'),
      expect.stringContaining('order-worker, email-worker consume'),
      expect.stringContaining('1.5 CPU(s) → 12 workers'),
      expect.stringContaining('zookeeper-free-admin: nothing in these files calls it'),
    ]));
  });

  it('never copies a secret into the design, the assumptions or the evidence', async () => {
    const text = JSON.stringify(await importInfrastructure(load(join(FIXTURES, 'compose'))));
    for (const secret of ['s3cr3t-pw', 'hunter2', 'sk_live', 'also-secret', 'PAY_PW']) expect(text).not.toContain(secret);
  });

  it("imports this repository's docker-compose.yml (Architech into Architech)", async () => {
    const result = await importInfrastructure(load(join(REPO, 'docker-compose.yml')));
    expectRunnable(result);
    const services = ['users', 'projects', 'designs', 'simulations', 'telemetry', 'gateway', 'grafana'];
    for (const s of services) expect(byName(result, s).type).toBe('SERVICE');
    for (const d of ['postgres', 'influxdb', 'elasticsearch']) expect(byName(result, d).type).toBe('DATABASE');
    expect(props(byName(result, 'simulations')).replicas).toBe(2);
    expect(edges(result)).toEqual(expect.arrayContaining(['clients>gateway', 'gateway>users', 'gateway>telemetry', 'telemetry>influxdb', 'users>postgres', 'projects>simulations', 'projects>designs']));
    // designs ⇄ projects and simulations ⇄ projects (the purge) call each other: the import breaks each cycle and says so.
    expect(edges(result)).not.toContain('designs>projects');
    expect(edges(result)).not.toContain('simulations>projects');
    for (const from of ['designs', 'simulations']) {
      expect(result.assumptions.some((a) => new RegExp(`${from} → projects .* closes a synchronous call cycle`).test(a.message))).toBe(true);
    }
    // Kafka: nothing is named like a consumer, so it is set aside as a note rather than guessed.
    expect(result.notes).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('kafka has no consumer') })]));
    expect(JSON.stringify(result)).not.toContain('JWT_SECRET:?');
  });
});
