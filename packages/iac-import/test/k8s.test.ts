import { join } from 'node:path';
import { importInfrastructure } from '../src';
import { byName, edges, expectRunnable, FIXTURES, load, props, REPO } from './support';

describe('Kubernetes import', () => {
  it('reads a kustomize-style set: Ingress, Services by selector, ConfigMap references, HPA, an overlay patch', async () => {
    const result = await importInfrastructure(load(join(FIXTURES, 'k8s-shop')));
    expectRunnable(result);
    expect(result.design.components.map((c) => [c.name, c.type])).toEqual([
      ['clients', 'CLIENT'], ['frontend', 'SERVICE'], ['catalog', 'SERVICE'], ['catalog-db', 'DATABASE'], ['redis', 'CACHE'], ['shop', 'LOAD_BALANCER'],
    ]);
    expect(props(byName(result, 'frontend'))).toMatchObject({ replicas: 3, workers: 4, autoscaling: { minReplicas: 3, maxReplicas: 12, targetUtilization: 0.65 } });
    expect(props(byName(result, 'catalog')).replicas).toBe(4); // the production overlay's patch
    expect(edges(result)).toEqual(['catalog>redis', 'clients>shop', 'frontend>catalog', 'redis>catalog-db', 'shop>frontend']);
    expect(result.evidence.map((e) => e.evidence)).toEqual(expect.arrayContaining([
      'CATALOG_URL (ConfigMap shop-config key CATALOG_URL) names catalog.shop.svc.cluster.local',
      'Ingress shop routes to Service frontend',
    ]));
    expect(result.notes.map((n) => `${n.resource}@${n.line}`)).toEqual(['CronJob@125', 'PodDisruptionBudget@132']);
    expect(result.assumptions).toEqual(expect.arrayContaining([
      expect.objectContaining({ message: expect.stringContaining('merged onto packages/iac-import/test/fixtures/k8s-shop/base.yaml:38'), line: 2 }),
    ]));
  });

  it("imports this repository's k8s/ folder (base and overlays)", async () => {
    const result = await importInfrastructure(load(join(REPO, 'k8s')));
    expectRunnable(result);
    for (const s of ['users', 'projects', 'designs', 'simulations', 'telemetry', 'gateway']) expect(byName(result, s).type).toBe('SERVICE');
    for (const d of ['postgres', 'influxdb', 'elasticsearch']) expect(byName(result, d).type).toBe('DATABASE');
    expect(byName(result, 'architech').type).toBe('LOAD_BALANCER');
    expect(props(byName(result, 'simulations'))).toMatchObject({ replicas: 2, autoscaling: { minReplicas: 2, maxReplicas: 10 } });
    expect(edges(result)).toEqual(expect.arrayContaining(['clients>architech', 'architech>gateway', 'gateway>users', 'gateway>simulations', 'telemetry>influxdb', 'projects>simulations']));
    expect(result.assumptions.some((a) => /simulations → projects .* closes a synchronous call cycle/.test(a.message))).toBe(true);
    // Database URLs live in a Secret, which is never read: said, not guessed.
    expect(result.assumptions.some((a) => a.message.includes('reads DATABASE_URL from Secret architech-secrets'))).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/JWT_SECRET"?:\s*"?[a-z0-9]{8}/i);
  });
});
