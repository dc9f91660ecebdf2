import { IMPORT_DEFAULTS } from '../defaults';
import { Draft } from '../draft';
import { classifyImage, cpuCores, imageName } from '../images';
import { hostsIn, isSecretName } from '../secrets';
import type { SourceFile } from '../types';
import { asArray, asCount, asObject, asString } from '../util';
import { readObjects, type K8sObject } from './resources';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout', 'DeploymentConfig']);
const READ_ONLY = new Set(['ConfigMap', 'Service', 'HorizontalPodAutoscaler', 'HTTPRoute', 'GRPCRoute']);
const BATCH = new Set(['Job', 'CronJob']);

function labelsMatch(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function podSpec(o: K8sObject) {
  return asObject(asObject(asObject(o.body.spec).template).spec);
}

function containers(o: K8sObject) {
  return asArray(podSpec(o).containers).map(asObject);
}

/** Kubernetes manifests (multi-document YAML, folders, `kustomize build` output) into a draft. */
export function importKubernetes(files: readonly SourceFile[]): Draft {
  const draft = new Draft();
  const objects = readObjects(files, draft);
  const workloads = objects.filter((o) => WORKLOADS.has(o.kind));
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.name, asObject(o.body.data)]));

  for (const w of workloads) {
    const images = containers(w).map((c) => asString(c.image)).filter((i): i is string => !!i);
    for (const i of images) draft.services.add(imageName(i));
    const type = images.map(classifyImage).find((t) => t !== undefined) ?? 'SERVICE';
    const c = draft.add({ key: `${w.kind}/${w.name}`, name: w.name, type, resource: w.kind, file: w.file, line: w.line });
    const spec = asObject(w.body.spec);
    if (w.kind === 'DaemonSet') draft.assume(`${w.name} is a DaemonSet (one pod per node); the node count is unknown, 1 replica assumed`, w);
    else c.replicas = asCount(spec.replicas) ?? 1;
    if (w.kind !== 'DaemonSet' && spec.replicas === undefined) draft.assume(`${w.name}: no spec.replicas, Kubernetes' default of 1 used`, w);
    const cpu = containers(w).map((k) => cpuCores(asObject(asObject(k.resources).limits).cpu) ?? cpuCores(asObject(asObject(k.resources).requests).cpu)).find((n) => n !== undefined);
    if (cpu !== undefined && type !== 'QUEUE') {
      c.workers = Math.max(1, Math.ceil(cpu * IMPORT_DEFAULTS.workersPerCpu));
      draft.assume(`${w.name}: ${cpu} CPU per pod → ${c.workers} workers (${IMPORT_DEFAULTS.workersPerCpu} per CPU)`, w);
    }
  }

  // Service name → the workloads its selector picks.
  const behind = new Map<string, K8sObject[]>();
  for (const s of objects.filter((o) => o.kind === 'Service')) {
    const selector = asObject(asObject(s.body.spec).selector);
    const picked = workloads.filter((w) => labelsMatch(selector, asObject(asObject(asObject(asObject(w.body.spec).template).metadata).labels)));
    behind.set(s.name.toLowerCase(), picked);
    if (picked.length === 0) draft.note('Service', `Service ${s.name} selects no workload in these files`, s);
    if (asString(asObject(s.body.spec).type) === 'LoadBalancer' && picked.length > 0) {
      const lb = draft.add({ key: `Service/${s.name}`, name: `${s.name}-lb`, type: 'LOAD_BALANCER', resource: 'Service type LoadBalancer', file: s.file, line: s.line });
      for (const w of picked) draft.connect(lb.key, `${w.kind}/${w.name}`, `Service ${s.name} (type LoadBalancer) selects ${w.name}`, s);
    }
  }
  const workloadsForHost = (host: string) => behind.get(host.split('.')[0]) ?? workloads.filter((w) => w.name.toLowerCase() === host.split('.')[0]);

  for (const w of workloads) {
    for (const container of containers(w)) {
      const env: [string, string, string][] = [];
      for (const e of asArray(container.env).map(asObject)) {
        const name = asString(e.name);
        const secret = asString(asObject(asObject(e.valueFrom).secretKeyRef).name);
        if (name && secret && /(_URL|_HOSTS?|_BROKERS?|_ADDR(ESS)?)$/i.test(name)) {
          draft.assume(`${w.name} reads ${name} from Secret ${secret}: secrets are never read, so what it points at is unknown; connect it by hand`, w);
        }
        if (!name || isSecretName(name)) continue;
        const value = asString(e.value);
        if (value !== undefined) env.push([name, value, 'env']);
        const ref = asObject(asObject(e.valueFrom).configMapKeyRef);
        const fromMap = asString(asObject(configMaps.get(asString(ref.name) ?? ''))[asString(ref.key) ?? '']);
        if (fromMap !== undefined) env.push([name, fromMap, `ConfigMap ${asString(ref.name)} key ${asString(ref.key)}`]);
      }
      for (const from of asArray(container.envFrom).map(asObject)) {
        const mapName = asString(asObject(from.configMapRef).name);
        for (const [k, v] of Object.entries(asObject(configMaps.get(mapName ?? '')))) {
          const value = asString(v);
          if (value !== undefined && !isSecretName(k)) env.push([k, value, `ConfigMap ${mapName} (envFrom)`]);
        }
      }
      for (const [name, value, via] of env) {
        for (const host of hostsIn(name, value)) {
          for (const target of workloadsForHost(host)) {
            draft.connect(`${w.kind}/${w.name}`, `${target.kind}/${target.name}`, `${name} (${via}) names ${host}`, w);
          }
        }
      }
    }
  }

  for (const o of objects) {
    if (o.kind === 'Ingress') {
      const spec = asObject(o.body.spec);
      const backends = [asObject(spec.defaultBackend), ...asArray(spec.rules).flatMap((r) => asArray(asObject(asObject(r).http).paths).map((p) => asObject(asObject(p).backend)))];
      const names = backends.map((b) => asString(asObject(b.service).name) ?? asString(b.serviceName)).filter((n): n is string => !!n);
      const lb = draft.add({ key: `Ingress/${o.name}`, name: o.name, type: 'LOAD_BALANCER', resource: 'Ingress', file: o.file, line: o.line });
      for (const n of names) for (const t of workloadsForHost(n)) draft.connect(lb.key, `${t.kind}/${t.name}`, `Ingress ${o.name} routes to Service ${n}`, o);
    } else if (o.kind === 'Gateway') {
      draft.add({ key: `Gateway/${o.name}`, name: o.name, type: 'LOAD_BALANCER', resource: 'Gateway', file: o.file, line: o.line });
    } else if (o.kind === 'HorizontalPodAutoscaler') {
      const spec = asObject(o.body.spec);
      const target = asObject(spec.scaleTargetRef);
      const c = draft.components.get(`${asString(target.kind)}/${asString(target.name)}`);
      if (!c) {
        draft.note(o.kind, `HorizontalPodAutoscaler ${o.name} scales ${asString(target.kind)} ${asString(target.name)}, not in these files`, o);
        continue;
      }
      const cpuMetric = asArray(spec.metrics).map(asObject).find((m) => asString(asObject(m.resource).name) === 'cpu');
      const percent = asCount(asObject(asObject(cpuMetric?.resource).target).averageUtilization) ?? asCount(spec.targetCPUUtilizationPercentage);
      const minReplicas = asCount(spec.minReplicas) ?? 1;
      const maxReplicas = asCount(spec.maxReplicas) ?? minReplicas;
      c.autoscaling = { minReplicas, maxReplicas, targetUtilization: percent ? percent / 100 : IMPORT_DEFAULTS.targetUtilization };
      c.replicas = Math.max(c.replicas ?? 1, minReplicas);
      draft.assume(`${c.name} autoscales ${minReplicas}–${maxReplicas} replicas at ${percent ? `${percent}% CPU` : `${IMPORT_DEFAULTS.targetUtilization * 100}% (no CPU target stated)`} (HPA ${o.name})`, o);
    } else if (BATCH.has(o.kind)) {
      draft.note(o.kind, `${o.kind} ${o.name}: batch work is not simulated; ignored`, o);
    } else if (!WORKLOADS.has(o.kind) && !READ_ONLY.has(o.kind)) {
      draft.note(o.kind, `${o.kind} ${o.name}: not a component of a simulated design; kept as a note`, o);
    }
  }
  for (const route of objects.filter((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute')) {
    const spec = asObject(route.body.spec);
    for (const parent of asArray(spec.parentRefs).map(asObject)) {
      const gw = `Gateway/${asString(parent.name)}`;
      for (const b of asArray(spec.rules).flatMap((r) => asArray(asObject(r).backendRefs)).map(asObject)) {
        for (const t of workloadsForHost(asString(b.name) ?? '')) draft.connect(gw, `${t.kind}/${t.name}`, `${route.kind} ${route.name} sends ${asString(parent.name)} traffic to ${asString(b.name)}`, route);
      }
    }
  }
  return draft;
}
