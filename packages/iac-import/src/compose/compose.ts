import { IMPORT_DEFAULTS } from '../defaults';
import { Draft } from '../draft';
import { ImportFailure } from '../errors';
import { classifyImage, cpuCores, imageName } from '../images';
import { hostsIn, isSecretName } from '../secrets';
import type { SourceFile } from '../types';
import { asArray, asCount, asObject, asString, isObject } from '../util';
import { parseYamlDocuments, type YamlDoc } from '../yaml-source';

/** `${VAR:-default}` and `${VAR-default}` become their default, other `${VAR}` stay as written (the value is unknown here). */
function interpolateDefaults(value: string): string {
  return value.replace(/\$\{[A-Za-z0-9_]+:?-([^}]*)\}/g, '$1');
}

/** `environment` as a list of `[name, value]`, from either the map or the `KEY=value` list form. */
function environment(value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const s = asString(item);
      if (s === undefined) return [];
      const at = s.indexOf('=');
      return at > 0 ? [[s.slice(0, at), s.slice(at + 1)] as [string, string]] : [];
    });
  }
  return Object.entries(asObject(value)).flatMap(([k, v]) => {
    const s = asString(v);
    return s === undefined ? [] : [[k, s] as [string, string]];
  });
}

function dependsOn(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => asString(v)).filter((v): v is string => v !== undefined);
  return Object.keys(asObject(value));
}

function findDependencyCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      if (!graph.has(m)) continue;
      if (state.get(m) === 1) return [...path.slice(path.indexOf(m)), m];
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    path.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of graph.keys()) {
    if (!state.has(n)) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads one compose file into the draft (services, replicas, resources, depends_on, env references). */
function readCompose(doc: YamlDoc, draft: Draft): void {
  const root = asObject(doc.value);
  const services = root.services;
  if (!isObject(services) || Object.keys(services).length === 0) {
    throw new ImportFailure(doc.file, doc.lineOf(['services']), 'no `services:` in this compose file', 'empty');
  }
  const graph = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(services)) graph.set(name, dependsOn(asObject(raw).depends_on));
  const cycle = findDependencyCycle(graph);
  if (cycle) throw new ImportFailure(doc.file, doc.lineOf(['services', cycle[0], 'depends_on']), `depends_on cycle ${cycle.join(' → ')} (compose refuses it too)`, 'cycle');

  const hostToService = new Map<string, string>();
  for (const [name, raw] of Object.entries(services)) {
    const s = asObject(raw);
    for (const alias of [name, asString(s.hostname), asString(s.container_name)]) if (alias) hostToService.set(alias.toLowerCase(), name);
    for (const net of Object.values(asObject(s.networks))) for (const a of asArray(asObject(net).aliases)) if (typeof a === 'string') hostToService.set(a.toLowerCase(), name);
  }

  for (const [name, raw] of Object.entries(services)) {
    draft.resourceCount++;
    const s = asObject(raw);
    const at = { file: doc.file, line: doc.lineOf(['services', name]) };
    const image = asString(s.image) === undefined ? undefined : interpolateDefaults(asString(s.image)!);
    const type = classifyImage(image) ?? 'SERVICE';
    if (image) draft.services.add(imageName(image));
    const deploy = asObject(s.deploy);
    const replicas = asCount(deploy.replicas) ?? asCount(s.scale);
    const c = draft.add({ key: name, name, type, resource: image ? `image ${imageName(image)}` : 'built service', ...at });
    if (replicas !== undefined) c.replicas = replicas;
    if (replicas === 0) draft.assume(`${name} has 0 replicas; imported with 1`, { file: doc.file, line: doc.lineOf(['services', name, 'deploy', 'replicas']) });
    const cpus = cpuCores(asObject(asObject(deploy.resources).limits).cpus ?? s.cpus);
    if (cpus !== undefined && (type === 'SERVICE' || type === 'DATABASE')) {
      c.workers = Math.max(1, Math.ceil(cpus * IMPORT_DEFAULTS.workersPerCpu));
      draft.assume(`${name}: ${cpus} CPU(s) → ${c.workers} workers (${IMPORT_DEFAULTS.workersPerCpu} per CPU)`, { file: doc.file, line: doc.lineOf(['services', name, 'deploy', 'resources']) });
    }
    if (isObject(s.healthcheck)) {
      draft.assume(`${name}: healthcheck read; failing replicas restart in compose, which the simulation does not model (use a crash fault to see its effect)`, { file: doc.file, line: doc.lineOf(['services', name, 'healthcheck']) });
    }
    if (s.extends !== undefined) draft.note('extends', `${name} extends another file's service; only what this file states is imported`, at);
  }

  for (const [name, raw] of Object.entries(services)) {
    const s = asObject(raw);
    for (const dep of dependsOn(s.depends_on)) {
      draft.connect(name, dep, `depends_on ${dep}`, { file: doc.file, line: doc.lineOf(['services', name, 'depends_on', dep]) });
    }
    for (const link of asArray(s.links)) {
      const target = asString(link)?.split(':')[0];
      if (target) draft.connect(name, target, `links ${target}`, { file: doc.file, line: doc.lineOf(['services', name, 'links']) });
    }
    for (const [key, value] of environment(s.environment)) {
      if (isSecretName(key)) continue;
      for (const host of hostsIn(key, interpolateDefaults(value))) {
        const target = hostToService.get(host);
        if (target) draft.connect(name, target, `environment ${key} names ${target}`, { file: doc.file, line: doc.lineOf(['services', name, 'environment', key]) });
      }
    }
  }
}

/** Imports docker-compose files (v2, v3, the Compose Specification) into a draft. */
export function importCompose(files: readonly SourceFile[]): Draft {
  const draft = new Draft();
  for (const file of files) {
    const docs = parseYamlDocuments(file.path, file.text);
    if (docs.length === 0) throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
    for (const doc of docs) readCompose(doc, draft);
  }
  return draft;
}
