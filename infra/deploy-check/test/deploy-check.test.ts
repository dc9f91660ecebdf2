import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { available, run } from './support/cli-tools';
import { composeServiceProblems } from './support/compose-checks';
import { COMPOSE_PATH, environmentOf, loadCompose } from './support/compose-file';
import { CREDENTIAL, k8sServiceProblems, operatorSecret } from './support/k8s-checks';
import { containerOf, find, K8S_DIR, loadManifests, parseYamlStream, valuesOf, type Manifest } from './support/k8s-manifests';
import { REPOSITORY_ROOT, SERVICES } from './support/service-configs';

/*
 * The distributed topology (docker-compose.yml, k8s/) against the services' own configuration
 * schemas: every service gets what its schema and the distributed adapters require, nothing its
 * schema does not know, health checks on the port it listens on, and the backing services it is
 * pointed at. Where `docker compose` or `kubectl` is installed their own validation runs too;
 * where not, those specs are reported as skipped, never as passed.
 */

jest.setTimeout(60_000);

/** What `.env` would hold: the two secrets the compose file refuses to render without. */
const COMPOSE_SECRETS = { JWT_SECRET: 'deploy-check-jwt-secret-0123456789', INTERNAL_TOKEN: 'deploy-check-internal-token-0123456789' };
const BACKING_SERVICES = ['postgres', 'kafka', 'influxdb', 'elasticsearch'];

const DOCKER_COMPOSE = available('docker', ['compose', 'version']);
const KUBECTL = available('kubectl', ['version', '--client']);
const OVERLAYS = ['dev', 'production'];

describe('docker-compose.yml', () => {
  const compose = loadCompose(COMPOSE_SECRETS);

  describe.each(SERVICES)('the $name service', (service) => {
    it('runs from the one image with the variables it requires, a health check on /ready, and waits for what it uses', () => {
      expect(composeServiceProblems(service, compose)).toEqual([]);
    });
  });

  it('builds every service from the one Dockerfile as one image tag', () => {
    const images = new Set(SERVICES.map((s) => compose.services[s.name]?.image));
    expect(images.size).toBe(1);
    for (const service of SERVICES) expect(compose.services[service.name].build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
  });

  it('runs PostgreSQL, Kafka, InfluxDB, Elasticsearch and Grafana, each with a health check', () => {
    for (const name of [...BACKING_SERVICES, 'grafana']) expect(compose.services[name]?.healthcheck?.test).toBeDefined();
    expect(compose.services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(Object.keys(compose.services).filter((name) => /zookeeper/i.test(name))).toEqual([]);
  });

  it('runs two simulations workers, which share the jobs through one Kafka consumer group', () => {
    expect(compose.services.simulations.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(environmentOf(compose.services.simulations)).toMatchObject({ BUS: 'kafka' });
  });

  it('publishes the gateway on 8080, serving the web app built into the image', () => {
    expect(compose.services.gateway.ports).toContain('8080:8080');
    expect(environmentOf(compose.services.gateway).WEB_DIR).toBe('/app/web/dist');
    expect(readFileSync(join(REPOSITORY_ROOT, 'Dockerfile'), 'utf8')).toMatch(/web\/dist\/index\.html/);
  });

  it('gives every service the same secrets, and refuses to render without them', () => {
    const raw = parse(readFileSync(COMPOSE_PATH, 'utf8'), { merge: true }) as { services: Record<string, { environment: Record<string, string> }> };
    for (const key of ['JWT_SECRET', 'INTERNAL_TOKEN']) {
      expect(new Set(SERVICES.map((s) => raw.services[s.name].environment[key])).size).toBe(1);
      expect(() => loadCompose({ ...COMPOSE_SECRETS, [key]: '' })).toThrow(new RegExp(`set ${key}`));
    }
  });

  it('gives the telemetry service and Grafana the database and token InfluxDB is set up with', () => {
    const influx = environmentOf(compose.services.influxdb);
    const telemetry = environmentOf(compose.services.telemetry);
    const grafana = environmentOf(compose.services.grafana);
    expect(telemetry.INFLUX_DATABASE).toBe(influx.DOCKER_INFLUXDB_INIT_BUCKET);
    expect(telemetry.INFLUX_PASSWORD).toBe(influx.DOCKER_INFLUXDB_INIT_ADMIN_TOKEN);
    // Points are timestamped in simulated time from 1970: a finite retention would drop them all.
    expect(influx.DOCKER_INFLUXDB_INIT_RETENTION ?? '0').toMatch(/^0[a-z]*$/);
    for (const key of ['INFLUX_URL', 'INFLUX_DATABASE', 'INFLUX_USERNAME', 'INFLUX_PASSWORD']) expect(grafana[key]).toBe(telemetry[key]);
  });

  it('gives the services the credentials PostgreSQL is set up with', () => {
    const postgres = environmentOf(compose.services.postgres);
    for (const service of SERVICES.filter((s) => s.usesDatabase)) {
      const url = new URL(environmentOf(compose.services[service.name]).DATABASE_URL);
      expect([url.username, decodeURIComponent(url.password), url.pathname.slice(1)]).toEqual([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, postgres.POSTGRES_DB]);
    }
  });

  it('provisions Grafana from infra/grafana, where the dashboard provider looks', () => {
    const volumes = (compose.services.grafana.volumes ?? []).map(String);
    const provider = parse(readFileSync(join(REPOSITORY_ROOT, 'infra/grafana/provisioning/dashboards/architech.yaml'), 'utf8')) as { providers: { options: { path: string } }[] };
    expect(volumes).toContain('./infra/grafana/provisioning:/etc/grafana/provisioning:ro');
    expect(volumes).toContain(`./infra/grafana/dashboards:${provider.providers[0].options.path}:ro`);
  });

  const composeNote = DOCKER_COMPOSE ? '' : ' [skipped: `docker compose version` fails, docker compose is not installed here]';
  (DOCKER_COMPOSE ? it : it.skip)(`is valid for docker compose config, and only with the secrets set${composeNote}`, () => {
    const valid = run('docker', ['compose', '-f', COMPOSE_PATH, 'config', '-q'], { ...process.env, ...COMPOSE_SECRETS });
    expect({ status: valid.status, stderr: valid.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const missing = run('docker', ['compose', '-f', COMPOSE_PATH, 'config', '-q'], { ...process.env, ...COMPOSE_SECRETS, JWT_SECRET: '' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/JWT_SECRET/);
  });
});

describe('k8s/base', () => {
  const manifests = loadManifests(join(K8S_DIR, 'base'));
  const kustomization = parse(readFileSync(join(K8S_DIR, 'base', 'kustomization.yaml'), 'utf8')) as { namespace?: string; resources: string[] };

  describe.each(SERVICES)('the $name service', (service) => {
    it('has a Deployment and a Service: the image, the variables it requires, probes on /ready and /health, resource bounds', () => {
      expect(k8sServiceProblems(service, manifests)).toEqual([]);
    });
  });

  it('lists every manifest in its kustomization, in one namespace', () => {
    const files = [...new Set(manifests.map((m) => m.file.replace('k8s/base/', '')))].filter((f) => f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(kustomization.namespace).toBe('architech');
    expect(find(manifests, 'Namespace', 'architech')).toBeDefined();
  });

  it('keeps in the ConfigMap and the Secret only variables a service reads, credentials only in the Secret', () => {
    const known = new Set(SERVICES.flatMap((s) => Object.keys(s.schema.shape)).concat('NODE_ENV'));
    const config = valuesOf(find(manifests, 'ConfigMap', 'architech-config')!);
    const secret = valuesOf(find(manifests, 'Secret', 'architech-secrets')!);
    expect(Object.keys({ ...config, ...secret }).filter((key) => !known.has(key))).toEqual([]);
    expect(Object.keys(config).filter((key) => CREDENTIAL.test(key))).toEqual([]);
    // The base ships no credential: an unfilled Secret makes the services refuse to start.
    expect(Object.values(secret).filter(Boolean)).toEqual([]);
  });

  it('scales the simulations workers on CPU from 2 to 10 replicas, the autoscaler alone setting the count', () => {
    const hpa = find(manifests, 'HorizontalPodAutoscaler', 'simulations')!;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'simulations' });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 10]);
    expect(hpa.spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: expect.objectContaining({ type: 'Utilization' }) } });
    expect(find(manifests, 'Deployment', 'simulations')!.spec.replicas).toBeUndefined();
    const container = containerOf(find(manifests, 'Deployment', 'simulations')!, 'simulations')!;
    expect(container.resources?.requests?.cpu).toBeDefined();
  });

  it('routes the Ingress to the gateway Service', () => {
    const ingress = find(manifests, 'Ingress', 'architech')!;
    const backends = ingress.spec.rules.flatMap((rule: any) => rule.http.paths.map((path: any) => path.backend.service));
    expect(backends).toEqual([{ name: 'gateway', port: { name: 'http' } }]);
    expect(find(manifests, 'Service', 'gateway')!.spec.ports).toContainEqual(expect.objectContaining({ name: 'http' }));
  });
});

describe('k8s overlays', () => {
  const all = loadManifests();

  it.each(OVERLAYS)('%s builds on the base and names the image to run', (overlay) => {
    const kustomization = parse(readFileSync(join(K8S_DIR, 'overlays', overlay, 'kustomization.yaml'), 'utf8')) as { resources: string[]; images: { name: string; newName?: string; newTag?: string }[] };
    expect(kustomization.resources).toContain('../../base');
    expect(kustomization.images).toContainEqual(expect.objectContaining({ name: 'architech', newTag: expect.stringMatching(/^(?!latest$)./) }));
  });

  it('dev: gives the services the passwords its PostgreSQL and InfluxDB are set up with', () => {
    const dev = all.filter((m) => m.file.startsWith('k8s/overlays/dev/'));
    const secrets = valuesOf(find(dev, 'Secret', 'architech-secrets')!);
    const backing = valuesOf(find(dev, 'Secret', 'backing-services')!);
    expect(decodeURIComponent(new URL(secrets.DATABASE_URL).password)).toBe(backing.POSTGRES_PASSWORD);
    expect(secrets.INFLUX_PASSWORD).toBe(backing.DOCKER_INFLUXDB_INIT_ADMIN_TOKEN);
  });

  describe.each(OVERLAYS)('%s, rendered', (overlay) => {
    const note = KUBECTL ? '' : ' [skipped: `kubectl version --client` fails, kubectl is not installed here]';
    let rendered: Manifest[] = [];
    beforeAll(() => {
      if (!KUBECTL) return;
      const output = run('kubectl', ['kustomize', join(K8S_DIR, 'overlays', overlay)]);
      if (output.status !== 0) throw new Error(`kubectl kustomize k8s/overlays/${overlay} failed: ${output.stderr}`);
      rendered = parseYamlStream(output.stdout, `kubectl kustomize k8s/overlays/${overlay}`);
    });

    (KUBECTL ? it : it.skip)(`configures every service as the base does, all in the architech namespace${note}`, () => {
      for (const service of SERVICES) expect({ service: service.name, problems: k8sServiceProblems(service, rendered) }).toEqual({ service: service.name, problems: [] });
      expect(rendered.filter((m) => m.kind !== 'Namespace' && m.metadata?.namespace !== 'architech').map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual([]);
    });

    (KUBECTL ? it : it.skip)(`reaches its backing services where it runs them, and never overwrites a production Secret${note}`, () => {
      const config = valuesOf(find(rendered, 'ConfigMap', 'architech-config')!);
      const secret = find(rendered, 'Secret', 'architech-secrets');
      const databaseUrl = operatorSecret('DATABASE_URL', secret && valuesOf(secret).DATABASE_URL);
      const hosts = [new URL(databaseUrl).hostname, ...config.KAFKA_BROKERS.split(',').map((b) => b.split(':')[0]), new URL(config.INFLUX_URL).hostname, new URL(config.ELASTICSEARCH_URL).hostname];
      if (overlay === 'dev') {
        expect(hosts.filter((host) => !find(rendered, 'Service', host))).toEqual([]);
        for (const name of BACKING_SERVICES) expect(find(rendered, 'StatefulSet', name)).toBeDefined();
      } else {
        expect(secret).toBeUndefined();
        expect(rendered.filter((m) => m.kind === 'StatefulSet')).toEqual([]);
      }
    });
  });
});

describe('docker-compose.opensearch.yml', () => {
  const override = parse(readFileSync(join(REPOSITORY_ROOT, 'docker-compose.opensearch.yml'), 'utf8')) as {
    services: Record<string, { image?: string; environment?: Record<string, string>; healthcheck?: { test?: unknown }; depends_on?: Record<string, { condition: string }> }>;
  };

  it('runs an OpenSearch 2.x node with security off and a health check, and points telemetry at it', () => {
    expect(override.services.opensearch.image).toMatch(/^opensearchproject\/opensearch:2\./);
    expect(override.services.opensearch.environment).toMatchObject({ DISABLE_SECURITY_PLUGIN: 'true', 'discovery.type': 'single-node' });
    expect(override.services.opensearch.healthcheck?.test).toBeDefined();
    expect(override.services.telemetry.environment).toEqual({ TRACE_STORE: 'opensearch', OPENSEARCH_URL: 'http://opensearch:9200' });
    expect(override.services.telemetry.depends_on).toEqual({ opensearch: { condition: 'service_healthy' } });
    // Only the telemetry service's store changes: the override adds nothing else to the services.
    expect(Object.keys(override.services).sort()).toEqual(['opensearch', 'telemetry']);
  });
});
