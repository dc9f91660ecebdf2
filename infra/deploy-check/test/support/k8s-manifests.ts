import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPOSITORY_ROOT, type Environment } from './service-configs';

/** A Kubernetes object, loosely typed: the checks read the fields they need. */
export interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: any;
  /** Where it was read from, relative to the repository (e.g. `k8s/base/users.yaml`). */
  file: string;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string; optional?: boolean }; secretKeyRef?: { name: string; key: string } };
}

export interface HttpProbe {
  httpGet?: { path?: string; port?: number | string };
}

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  envFrom?: unknown[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  startupProbe?: HttpProbe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export const K8S_DIR = join(REPOSITORY_ROOT, 'k8s');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

/** Every YAML document under `dir` (k8s/ by default); a file that does not parse throws, naming it. */
export function loadManifests(dir = K8S_DIR): Manifest[] {
  return yamlFiles(dir).flatMap((path) => {
    const file = relative(REPOSITORY_ROOT, path);
    return parseYamlStream(readFileSync(path, 'utf8'), file);
  });
}

/** The documents of a multi-document YAML text (e.g. `kubectl kustomize` output). */
export function parseYamlStream(text: string, file: string): Manifest[] {
  return parseAllDocuments(text).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    const value = document.toJS() as Omit<Manifest, 'file'> | null;
    return value ? [{ ...value, file }] : [];
  });
}

export function find(manifests: Manifest[], kind: string, name: string): Manifest | undefined {
  return manifests.find((m) => m.kind === kind && m.metadata?.name === name);
}

export function containerOf(deployment: Manifest, name: string): Container | undefined {
  return (deployment.spec?.template?.spec?.containers as Container[] | undefined)?.find((c) => c.name === name);
}

/** A ConfigMap's or Secret's values (Secret `data` is base64, `stringData` plain). */
export function valuesOf(manifest: Manifest): Environment {
  const decoded = Object.fromEntries(Object.entries(manifest.data ?? {}).map(([k, v]) => [k, manifest.kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v]));
  return { ...decoded, ...(manifest.stringData ?? {}) };
}

export interface ResolvedEnvironment {
  env: Environment;
  problems: string[];
}

/**
 * A container's environment with ConfigMap and Secret references looked up in `manifests`.
 * `secretValue` supplies a Secret's value where the repository leaves it to the operator (empty,
 * or no Secret at all: production creates it outside the repository).
 */
export function resolveEnvironment(container: Container, manifests: Manifest[], secretValue: (key: string, stored: string | undefined) => string): ResolvedEnvironment {
  const env: Environment = {};
  const problems: string[] = [];
  if (container.envFrom) problems.push('envFrom would bring every key of a ConfigMap or Secret into the container: name each variable instead');
  for (const variable of container.env ?? []) {
    if (variable.name in env) problems.push(`${variable.name} is set twice`);
    const configRef = variable.valueFrom?.configMapKeyRef;
    const secretRef = variable.valueFrom?.secretKeyRef;
    if (configRef) {
      const configMap = find(manifests, 'ConfigMap', configRef.name);
      const value = configMap && valuesOf(configMap)[configRef.key];
      // An optional key may be absent (the variable is then unset, as Kubernetes leaves it).
      if (value === undefined && !configRef.optional) problems.push(`${variable.name} refers to ConfigMap ${configRef.name} key ${configRef.key}, which does not exist`);
      else if (value !== undefined) env[variable.name] = value;
    } else if (secretRef) {
      const secret = find(manifests, 'Secret', secretRef.name);
      env[variable.name] = secretValue(secretRef.key, secret && valuesOf(secret)[secretRef.key]);
    } else {
      env[variable.name] = variable.value ?? '';
    }
  }
  return { env, problems };
}

/** The container port a probe or a Service's targetPort names (by number or by port name). */
export function portNumber(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort ?? (port !== undefined && /^\d+$/.test(port) ? Number(port) : undefined);
}
