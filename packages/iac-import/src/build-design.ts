import { LIMITS, validateDesign, type DesignInput } from '@architech/contracts';
import { layoutLeftToRight, type EditorDocument } from '@architech/editor-core';
import { describeDefaults, IMPORT_DEFAULTS } from './defaults';
import type { Draft } from './draft';
import { ImportFailure } from './errors';
import { applyFixups, downstreams, entryPoints } from './fixups';
import type { Complexity, ConnectionEvidence, DraftComponent, IacFormat, ImportResult, SourceLocation } from './types';

type ComponentInput = DesignInput['components'][number];
type ConnectionInput = NonNullable<DesignInput['connections']>[number];

export const COMPLEXITY_RULE =
  'score = components + connections; low below 10, medium below 30, high from 30 (the synthetic client and its connections excluded)';

export function complexityOf(components: number, connections: number): Complexity {
  const score = components + connections;
  return score < 10 ? 'low' : score < 30 ? 'medium' : 'high';
}

/** A component id the design accepts (letters, digits, `_ . : - >`, at most 64 characters), unique. */
function uniqueId(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'component';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function clampReplicas(n: number | undefined): number {
  return Math.min(LIMITS.maxReplicas, Math.max(1, Math.round(n ?? 1)));
}

function toComponent(c: DraftComponent, id: string, fanOutAll: boolean, hasDownstream: boolean, draft: Draft): ComponentInput {
  const name = c.name.slice(0, 200);
  const station = (d: { workers: number; meanServiceTimeMs: number }) => ({
    replicas: clampReplicas(c.replicas),
    workers: Math.min(LIMITS.maxWorkers, Math.max(1, Math.round(c.workers ?? d.workers))),
    serviceTime: { dist: 'exponential' as const, mean: d.meanServiceTimeMs },
    ...(c.autoscaling ? { autoscaling: fixAutoscaling(c.autoscaling) } : {}),
    ...(fanOutAll ? { fanOut: 'all' as const } : {}),
  });
  switch (c.type) {
    case 'SERVICE':
      return { id, name, type: 'SERVICE', properties: station(c.resource.match(/lambda|function/i) ? IMPORT_DEFAULTS.function : IMPORT_DEFAULTS.service) };
    case 'DATABASE':
      return { id, name, type: 'DATABASE', properties: station(IMPORT_DEFAULTS.database) };
    case 'CACHE': {
      const hitRatio = hasDownstream ? IMPORT_DEFAULTS.cache.hitRatio : 1;
      if (!hasDownstream) draft.assume(`${c.name}: no backing store found, so every lookup is taken as a hit (hitRatio 1)`, c);
      return { id, name, type: 'CACHE', properties: { ...station(IMPORT_DEFAULTS.cache), hitRatio } };
    }
    case 'QUEUE':
      return { id, name, type: 'QUEUE', properties: { maxDeliveries: Math.min(LIMITS.maxRetryAttempts, Math.max(1, c.maxDeliveries ?? IMPORT_DEFAULTS.queue.maxDeliveries)) } };
    case 'LOAD_BALANCER':
      return { id, name, type: 'LOAD_BALANCER', properties: { strategy: 'round_robin' } };
    case 'CLIENT':
      return { id, name, type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: IMPORT_DEFAULTS.clientRatePerSec } } };
  }
}

function fixAutoscaling(a: NonNullable<DraftComponent['autoscaling']>) {
  const minReplicas = clampReplicas(a.minReplicas);
  const maxReplicas = Math.max(minReplicas, clampReplicas(a.maxReplicas));
  const targetUtilization = a.targetUtilization > 0 && a.targetUtilization <= 1 ? a.targetUtilization : IMPORT_DEFAULTS.targetUtilization;
  return { minReplicas, maxReplicas, targetUtilization };
}

/**
 * Turns a draft into a runnable design: fix-ups (cache-aside, queue consumers, load balancer
 * targets, cycles), a synthetic client in front of the entry points, capacity defaults, ids,
 * left-to-right layout, and a final `validateDesign` (a failure there is a bug, reported as such).
 */
export function buildDesign(draft: Draft, format: IacFormat, files: readonly string[], name: string): ImportResult {
  const first: SourceLocation = { file: files[0] ?? 'input', line: 1 };
  if (draft.components.size === 0) {
    const why = draft.resourceCount > 0 ? `nothing to simulate: ${draft.resourceCount} resource(s) read, none a service, database, cache, queue or load balancer (see the notes)` : 'no resources found';
    throw new ImportFailure(first.file, first.line, why, 'nothing_importable');
  }
  if (draft.components.size > LIMITS.maxComponents - 1) {
    throw new ImportFailure(first.file, 1, `${draft.components.size} components: a design holds at most ${LIMITS.maxComponents - 1} besides its client`, 'too_large');
  }
  applyFixups(draft);
  if (draft.components.size === 0) throw new ImportFailure(first.file, first.line, 'nothing runnable remains (see the notes)', 'nothing_importable');
  const entries = entryPoints(draft);

  const taken = new Set<string>();
  const ids = new Map<string, string>();
  const clientId = uniqueId('clients', taken);
  for (const c of draft.components.values()) ids.set(c.key, uniqueId(c.name, taken));

  const components: ComponentInput[] = [
    { id: clientId, name: 'clients', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: IMPORT_DEFAULTS.clientRatePerSec } } },
  ];
  draft.assume(`a synthetic client sends ${IMPORT_DEFAULTS.clientRatePerSec} req/s (Poisson) to ${entries.map((k) => draft.components.get(k)!.name).join(', ')}: set the real traffic`, first);
  for (const c of draft.components.values()) {
    const next = downstreams(draft, c.key);
    const fanOutAll = next.length > 1 && (c.type === 'SERVICE' || c.type === 'DATABASE' || c.type === 'CACHE');
    if (fanOutAll) draft.assume(`${c.name} calls all of ${next.map((k) => draft.components.get(k)!.name).join(', ')} on each request, in parallel (fanOut "all")`, c);
    components.push(toComponent(c, ids.get(c.key)!, fanOutAll, next.length > 0, draft));
    if (c.type !== 'LOAD_BALANCER') {
      const sized = c.replicas !== undefined && c.type !== 'QUEUE' ? `${clampReplicas(c.replicas)} replica(s) from the source; ` : c.type === 'QUEUE' ? '' : '1 replica (none stated); ';
      draft.assume(`${c.name} (${c.resource} → ${c.type}): ${sized}${describeDefaults(c.type, /lambda|function/i.test(c.resource))} by default`, c);
    }
  }

  const reached = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (reached.has(key)) continue;
    reached.add(key);
    pending.push(...downstreams(draft, key));
  }
  for (const c of draft.components.values()) {
    if (!reached.has(c.key)) draft.assume(`${c.name}: nothing in these files calls it, so it receives no traffic in the simulation; connect it if something does`, c);
  }

  const connections: ConnectionInput[] = [];
  const evidence: ConnectionEvidence[] = [];
  const connectionId = (a: string, b: string) => {
    const id = `${a}->${b}`;
    return id.length <= LIMITS.maxIdLength && !taken.has(id) ? (taken.add(id), id) : uniqueId(`conn-${connections.length + 1}`, taken);
  };
  for (const key of entries) {
    const id = connectionId(clientId, ids.get(key)!);
    connections.push({ id, source: clientId, target: ids.get(key)!, properties: { packetLossRate: 0 } });
    evidence.push({ connection: id, evidence: 'synthetic client in front of an entry point', ...first });
  }
  for (const e of draft.edges) {
    const id = connectionId(ids.get(e.from)!, ids.get(e.to)!);
    connections.push({ id, source: ids.get(e.from)!, target: ids.get(e.to)!, properties: { packetLossRate: 0 } });
    evidence.push({ connection: id, evidence: e.evidence, file: e.file, line: e.line });
    draft.assume(`${draft.components.get(e.from)!.name} → ${draft.components.get(e.to)!.name}: ${e.evidence}`, e);
  }

  const placed = components.map((c) => ({ ...c, position: { x: 0, y: 0 } }));
  const positions = layoutLeftToRight({ components: placed, connections } as unknown as Pick<EditorDocument, 'components' | 'connections'>, { origin: { x: 0, y: 0 } });
  const design: DesignInput = {
    name: name.slice(0, 200),
    description: `Imported from ${format} (${files.length} file${files.length === 1 ? '' : 's'}): review the assumptions.`.slice(0, 5000),
    components: placed.map((c) => ({ ...c, position: positions.get(c.id) ?? c.position })),
    connections,
  };
  const checked = validateDesign(design);
  if (!checked.ok) {
    const issue = checked.issues[0];
    throw new ImportFailure(first.file, first.line, `the imported design is not valid (${issue.path}: ${issue.message}); please report this`, 'invalid');
  }
  const byPlace = (a: SourceLocation, b: SourceLocation) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);
  return {
    design,
    // In file order, as a reviewer reads the sources (stable: inferences about one line keep their order).
    assumptions: [...draft.assumptions].sort(byPlace),
    notes: draft.notes,
    evidence,
    metadata: {
      originalFormat: format,
      servicesUsed: [...draft.services].sort(),
      resourceCount: draft.resourceCount,
      complexity: complexityOf(components.length - 1, connections.length - entries.length),
      complexityRule: COMPLEXITY_RULE,
      files: [...files],
    },
  };
}
