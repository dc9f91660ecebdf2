import { containerOf, find, portNumber, resolveEnvironment, type Container, type Manifest } from './k8s-manifests';
import { environmentProblems, listeningPort, SERVICES, type Endpoints, type ServiceConfig } from './service-configs';

/** Variables that carry credentials: they must come from a Secret, never a ConfigMap or a literal. */
export const CREDENTIAL = /SECRET|TOKEN|PASSWORD|^DATABASE_URL$/;

/**
 * A Secret value as the operator provides it where the repository does not (the base leaves the
 * Secret's values empty; production creates the Secret outside the repository).
 */
export function operatorSecret(key: string, stored: string | undefined): string {
  if (stored) return stored;
  return key === 'DATABASE_URL' ? 'postgres://architech:operator-password@postgres.example.internal:5432/architech' : `operator-provided-${key.toLowerCase()}`;
}

function containerFor(service: ServiceConfig, manifests: Manifest[]): Container | undefined {
  const deployment = find(manifests, 'Deployment', service.name);
  return deployment && containerOf(deployment, service.name);
}

/** Where each service is reachable: its Service's name and the Service port that leads to the container's port. */
export function k8sEndpoints(manifests: Manifest[]): Endpoints {
  const endpoints: Endpoints = new Map();
  for (const service of SERVICES) {
    const container = containerFor(service, manifests);
    const k8sService = find(manifests, 'Service', service.name);
    if (!container || !k8sService) continue;
    const port = listeningPort(service, resolveEnvironment(container, manifests, operatorSecret).env);
    const servicePort = (k8sService.spec?.ports as { port: number; targetPort?: number | string }[] | undefined)?.find((p) => portNumber(container, p.targetPort ?? p.port) === port);
    if (servicePort) endpoints.set(service.name, servicePort.port);
  }
  return endpoints;
}

/**
 * Everything wrong with one service's Deployment and Service: the image, the environment
 * (environmentProblems, with ConfigMap and Secret references resolved), credentials outside the
 * Secret, probes (readiness → /ready, liveness → /health, on the port it listens on), resource
 * requests and limits, the pod's security settings, and the Service in front of it.
 */
export function k8sServiceProblems(service: ServiceConfig, manifests: Manifest[], secretValue = operatorSecret): string[] {
  const deployment = find(manifests, 'Deployment', service.name);
  const container = deployment && containerOf(deployment, service.name);
  if (!deployment || !container) return [`no Deployment ${service.name} with a container ${service.name}`];
  const problems: string[] = [];
  if (!container.image) problems.push('its container has no image');

  const { env, problems: envProblems } = resolveEnvironment(container, manifests, secretValue);
  problems.push(...envProblems, ...environmentProblems(service, env, k8sEndpoints(manifests)));
  for (const variable of container.env ?? []) {
    if (CREDENTIAL.test(variable.name) && !variable.valueFrom?.secretKeyRef) problems.push(`${variable.name} carries a credential but does not come from a Secret`);
  }

  const port = listeningPort(service, env);
  if (!container.ports?.some((p) => p.containerPort === port)) problems.push(`it listens on ${port}, which the container does not declare`);
  const probes: [string, Container['readinessProbe'], string][] = [
    ['readinessProbe', container.readinessProbe, '/ready'],
    ['livenessProbe', container.livenessProbe, '/health'],
  ];
  for (const [kind, probe, path] of probes) {
    if (probe?.httpGet?.path !== path) problems.push(`its ${kind} does not ask ${path}`);
    else if (portNumber(container, probe.httpGet.port) !== port) problems.push(`its ${kind} asks port ${probe.httpGet.port}, but it listens on ${port}`);
  }
  if (container.startupProbe && portNumber(container, container.startupProbe.httpGet?.port) !== port) problems.push('its startupProbe asks another port');
  for (const bound of ['requests', 'limits'] as const) {
    if (!container.resources?.[bound]?.cpu && !container.resources?.[bound]?.memory) problems.push(`it has no resource ${bound}`);
  }
  if (!container.resources?.limits?.memory) problems.push('it has no memory limit');

  const pod = deployment.spec?.template?.spec ?? {};
  // Service links set <NAME>_PORT=tcp://… for every Service, and USERS_PORT, GATEWAY_PORT… are ours.
  if (pod.enableServiceLinks !== false) problems.push('enableServiceLinks is not false: Service links would set USERS_PORT, GATEWAY_PORT… to tcp:// addresses');
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('the pod does not require a non-root user');

  const k8sService = find(manifests, 'Service', service.name);
  const selector: Record<string, string> = k8sService?.spec?.selector ?? {};
  const labels: Record<string, string> = deployment.spec?.template?.metadata?.labels ?? {};
  if (!k8sService) problems.push(`no Service ${service.name}`);
  else if (Object.keys(selector).length === 0 || Object.entries(selector).some(([k, v]) => labels[k] !== v)) problems.push(`Service ${service.name} does not select the Deployment's pods`);
  else if (!k8sEndpoints(manifests).has(service.name)) problems.push(`Service ${service.name} has no port leading to ${port}`);
  return problems;
}
