import { IMPORT_DEFAULTS } from '../defaults';
import { Draft } from '../draft';
import type { SourceLocation } from '../types';
import { asCount, isObject } from '../util';
import { CATALOG, type Glue, type Role } from './catalog';

/** A Terraform or CloudFormation resource, with the keys of the resources it references. */
export interface CloudResource extends SourceLocation {
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  refs: Set<string>;
  /** Terraform's `count` when it is a number. */
  readonly count?: number;
}

function attr(body: Record<string, unknown>, names: readonly string[] | undefined): number | undefined {
  for (const spec of names ?? []) for (const n of spec.split('|')) {
    const v = asCount(body[n]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Resource graph → draft: components from the catalogue, glue resources (listeners, target groups,
 * task definitions, event source mappings, subscriptions, integrations, scaling targets) turned into
 * the calls and capacities they imply, every other reference from a service read as a call.
 */
export function resourcesToDraft(resources: readonly CloudResource[]): Draft {
  const draft = new Draft();
  const byKey = new Map(resources.map((r) => [r.key, r]));
  const roleOf = (key: string): Role | undefined => CATALOG[byKey.get(key)?.type ?? ''];
  const componentRole = (key: string) => { const r = roleOf(key); return r && 'component' in r ? r : undefined; };
  const glueOf = (key: string): Glue | undefined => { const r = roleOf(key); return r && 'glue' in r ? r.glue : undefined; };
  const ignored = new Map<string, CloudResource[]>();

  // Task definitions and launch templates: whoever uses one references what it references.
  for (const r of resources) for (const ref of [...r.refs]) if (glueOf(ref) === 'merge') for (const inner of byKey.get(ref)!.refs) r.refs.add(inner);

  for (const r of resources) {
    draft.resourceCount++;
    const role = CATALOG[r.type];
    if (!role) {
      ignored.set(r.type, [...(ignored.get(r.type) ?? []), r]);
      continue;
    }
    if (!('component' in role)) continue;
    draft.services.add(role.service);
    const c = draft.add({ key: r.key, name: r.name, type: role.component, resource: r.type, file: r.file, line: r.line });
    const replicas = attr(r.body, role.replicas) ?? r.count;
    if (replicas !== undefined) c.replicas = replicas;
    const workers = attr(r.body, role.workers);
    if (workers !== undefined && workers > 0) c.workers = workers;
    if (role.minMax) {
      const [min, max] = [attr(r.body, [role.minMax[0]]), attr(r.body, [role.minMax[1]])];
      if (min !== undefined && max !== undefined && max > min) {
        c.autoscaling = { minReplicas: Math.max(1, min), maxReplicas: max, targetUtilization: IMPORT_DEFAULTS.targetUtilization };
        draft.assume(`${r.name} scales between ${min} and ${max} instances; target utilisation ${IMPORT_DEFAULTS.targetUtilization * 100}% unless a scaling policy says otherwise`, r);
      }
    }
    if (role.component === 'QUEUE') {
      const receives = /maxReceiveCount\W*(\d+)/.exec(JSON.stringify(r.body));
      if (receives) c.maxDeliveries = Number(receives[1]);
    }
  }

  // Database members (Aurora instances, read replicas) add replicas to what they belong to.
  const members = new Map<string, number>();
  for (const r of resources) {
    if (componentRole(r.key)?.component !== 'DATABASE') continue;
    const parent = [...r.refs].find((k) => componentRole(k)?.component === 'DATABASE');
    if (!parent || !draft.components.has(r.key)) continue;
    draft.components.delete(r.key);
    members.set(parent, (members.get(parent) ?? (componentRole(parent)?.cluster ? 0 : 1)) + (r.count ?? 1));
    draft.assume(`${r.name} (${r.type}) is a member or replica of ${byKey.get(parent)!.name}: counted as one of its replicas`, r);
  }
  for (const [key, n] of members) { const c = draft.components.get(key); if (c) c.replicas = Math.max(1, n); }

  const isComponent = (k: string) => draft.components.has(k);
  // Target groups: what they route to.
  const targetsOf = new Map<string, Set<string>>();
  const addTarget = (tg: string, c: string) => { if (isComponent(c) && componentRole(c)?.component !== 'LOAD_BALANCER') targetsOf.set(tg, (targetsOf.get(tg) ?? new Set()).add(c)); };
  for (const r of resources) {
    if (glueOf(r.key) === 'target_group') for (const ref of r.refs) addTarget(r.key, ref);
    else if (glueOf(r.key) === 'attachment') {
      const tgs = [...r.refs].filter((k) => glueOf(k) === 'target_group');
      for (const tg of tgs) for (const ref of r.refs) addTarget(tg, ref);
    } else if (isComponent(r.key)) for (const ref of r.refs) if (glueOf(ref) === 'target_group') addTarget(ref, r.key);
  }
  const route = (lbKey: string, tg: string, via: SourceLocation, why: string) => {
    for (const t of targetsOf.get(tg) ?? []) draft.connect(lbKey, t, `${why} → target group ${byKey.get(tg)!.name} → ${byKey.get(t)!.name}`, via);
  };

  // Scaling policies refine what scaling targets set, so they come last.
  const lastPolicies = [...resources].sort((a, b) => Number(glueOf(a.key) === 'scaling_policy') - Number(glueOf(b.key) === 'scaling_policy'));
  for (const r of lastPolicies) {
    const g = glueOf(r.key);
    const refs = [...r.refs];
    const comps = refs.filter(isComponent);
    if (g === 'listener') {
      const lbs = refs.filter((k) => componentRole(k)?.component === 'LOAD_BALANCER');
      for (const listener of refs.filter((k) => glueOf(k) === 'listener')) lbs.push(...[...byKey.get(listener)!.refs].filter((k) => componentRole(k)?.component === 'LOAD_BALANCER'));
      for (const lbKey of lbs) for (const tg of refs.filter((k) => glueOf(k) === 'target_group')) route(lbKey, tg, r, `listener ${r.name}`);
    } else if (g === 'event_source') {
      const sources = comps.filter((k) => componentRole(k)?.component === 'QUEUE' || componentRole(k)?.component === 'DATABASE');
      for (const s of sources) for (const f of comps.filter((k) => !sources.includes(k))) draft.connect(s, f, `event source mapping ${r.name} delivers ${byKey.get(s)!.name} to ${byKey.get(f)!.name}`, r);
    } else if (g === 'subscription') {
      const topics = comps.filter((k) => componentRole(k)?.topic);
      for (const t of topics) for (const e of comps.filter((k) => !topics.includes(k))) draft.connect(t, e, `subscription ${r.name}`, r);
    } else if (g === 'integration') {
      const apis = comps.filter((k) => componentRole(k)?.api);
      for (const a of apis) for (const f of comps.filter((k) => !apis.includes(k))) draft.connect(a, f, `integration ${r.name} sends ${byKey.get(a)!.name} requests to ${byKey.get(f)!.name}`, r);
    } else if (g === 'scaling_target' || g === 'scaling_policy') {
      const scaled = [...comps, ...refs.filter((k) => glueOf(k) === 'scaling_target').flatMap((k) => [...byKey.get(k)!.refs].filter(isComponent))];
      for (const key of scaled) {
        const c = draft.components.get(key)!;
        if (g === 'scaling_target') {
          const min = attr(r.body, ['min_capacity', 'MinCapacity']) ?? 1;
          const max = attr(r.body, ['max_capacity', 'MaxCapacity']) ?? min;
          c.autoscaling = { minReplicas: Math.max(1, min), maxReplicas: Math.max(1, max), targetUtilization: c.autoscaling?.targetUtilization ?? IMPORT_DEFAULTS.targetUtilization };
          draft.assume(`${c.name} autoscales ${min}–${max} (${r.type} ${r.name})`, r);
        } else {
          const target = /"(?:target_value|TargetValue)"\s*:\s*"?([0-9.]+)/.exec(JSON.stringify(r.body));
          if (target && c.autoscaling) {
            c.autoscaling.targetUtilization = Number(target[1]) / 100;
            draft.assume(`${c.name} targets ${target[1]}% utilisation (${r.type} ${r.name}; the engine scales on utilisation, whatever metric the policy tracks)`, r);
          }
        }
      }
    } else if (isComponent(r.key)) {
      const role = componentRole(r.key)!;
      for (const ref of refs) {
        if (glueOf(ref) === 'target_group' && role.component === 'LOAD_BALANCER') route(r.key, ref, r, `${r.name}`);
        if (!isComponent(ref)) continue;
        const target = componentRole(ref)!;
        const at = `${r.type} ${r.name} references ${byKey.get(ref)!.type} ${byKey.get(ref)!.name}`;
        if (role.component === 'SERVICE' && target.component !== 'LOAD_BALANCER') draft.connect(r.key, ref, at, r);
        else if (role.component === 'SERVICE' && [...(targetsOf.values())].every((s) => !s.has(r.key))) draft.connect(r.key, ref, at, r);
        else if (role.topic || (role.component !== 'SERVICE' && role.component !== 'DATABASE' && role.component !== 'CACHE' && target.component === 'SERVICE')) draft.connect(r.key, ref, at, r);
        else if (role.component === 'QUEUE' && target.component === 'QUEUE') draft.assume(`${byKey.get(ref)!.name} is ${r.name}'s dead-letter queue (messages that exhaust their deliveries)`, r);
      }
    }
  }

  for (const [type, list] of ignored) {
    const names = list.map((r) => r.name).slice(0, 5).join(', ') + (list.length > 5 ? ', …' : '');
    draft.note(type, `${list.length} × ${type} (${names}): not a simulated component (networking, identity, storage, monitoring or unknown); kept as a note`, list[0]);
  }
  return draft;
}

/** Every string or nested value of `body`, for reference scanning. */
export function walkStrings(value: unknown, visit: (s: string) => void, depth = 0): void {
  if (depth > 100) return;
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit, depth + 1);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) { visit(k); walkStrings(v, visit, depth + 1); }
}
