import { designSchema, type Component, type Connection, type Design } from './design.schema';
import { fromZodIssues, type ValidationIssue, type ValidationOutcome } from './issues';
import { providerRefIssues } from './providers/provider-ref-validation';
import { serverlessIssues } from './serverless-validation';

/**
 * Validates a design document: the schema (types, ranges, unknown keys) and then the graph rules
 * a schema cannot express. Errors name the field path; warnings do not block a run.
 *
 * Graph rules: ids are unique across components and connections (faults and metrics address both
 * by id); connections join existing components, never a component to itself, never into a CLIENT;
 * CLIENT, LOAD_BALANCER and QUEUE components, and caches that can miss, need a downstream; and the
 * synchronous call graph (every edge except those leaving a QUEUE) has no cycle, because a
 * synchronous cycle would make a request call itself forever. A connection's `stage` and
 * `probability` apply only when its source calls all its downstreams (`fanOut: "all"`), its
 * `weight` only when the source picks one. A `serverless` component takes no `autoscaling`,
 * `queueCapacity`, `replicas` or `workers` ({@link serverlessIssues}). A component's `provider`
 * block names a service and SKU of the catalogue (docs/providers.md).
 */
export function validateDesign(input: unknown): ValidationOutcome<Design> {
  const parsed = designSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), warnings: [] };
  return checkDesignGraph(parsed.data);
}

/**
 * The graph rules of {@link validateDesign} alone, for a design the schema already parsed (an API
 * edge that read the body once): the same issues and warnings, without parsing it again.
 */
export function checkDesignGraph(design: Design): ValidationOutcome<Design> {
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];

  const byId = new Map<string, { component: Component; index: number }>();
  design.components.forEach((component, index) => {
    if (byId.has(component.id)) {
      issues.push({ path: `components[${index}].id`, code: 'duplicate_id', message: `id '${component.id}' is used twice` });
    } else {
      byId.set(component.id, { component, index });
    }
  });

  const outgoing = new Map<string, string[]>();
  const connectionIds = new Set<string>();
  design.connections.forEach((connection, index) => {
    const at = `connections[${index}]`;
    if (byId.has(connection.id) || connectionIds.has(connection.id)) {
      issues.push({ path: `${at}.id`, code: 'duplicate_id', message: `id '${connection.id}' is already used by another component or connection` });
    }
    connectionIds.add(connection.id);
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source) issues.push({ path: `${at}.source`, code: 'dangling_connection', message: `no component has id '${connection.source}'` });
    if (!target) issues.push({ path: `${at}.target`, code: 'dangling_connection', message: `no component has id '${connection.target}'` });
    if (!source || !target) return;
    if (connection.source === connection.target) {
      issues.push({ path: at, code: 'self_loop', message: `connection '${connection.id}' joins '${connection.source}' to itself` });
      return;
    }
    if (target.component.type === 'CLIENT') {
      issues.push({ path: `${at}.target`, code: 'invalid_target', message: `a CLIENT ('${connection.target}') only sends requests; it cannot be a connection's target` });
      return;
    }
    issues.push(...callRoleIssues(index, connection, source.component));
    const list = outgoing.get(connection.source) ?? [];
    list.push(connection.target);
    outgoing.set(connection.source, list);
  });

  design.components.forEach((component, index) => {
    issues.push(...serverlessIssues(component, index));
    const hasDownstream = (outgoing.get(component.id) ?? []).length > 0;
    if (hasDownstream) return;
    const at = `components[${index}]`;
    if (component.type === 'CLIENT' || component.type === 'LOAD_BALANCER' || component.type === 'QUEUE') {
      const what = component.type === 'QUEUE' ? 'a consumer' : 'a downstream connection';
      issues.push({ path: at, code: 'no_downstream', message: `${component.type} '${component.id}' needs ${what}` });
    } else if (component.type === 'CACHE' && component.properties.hitRatio < 1) {
      issues.push({ path: at, code: 'no_downstream', message: `CACHE '${component.id}' misses ${Math.round((1 - component.properties.hitRatio) * 100)}% of requests but has no downstream to send them to` });
    }
  });

  const providers = providerRefIssues(design);
  issues.push(...providers.issues);
  warnings.push(...providers.warnings);

  if (issues.length === 0) {
    const cycle = findSynchronousCycle(design, outgoing, byId);
    if (cycle) {
      const index = byId.get(cycle[0])!.index;
      issues.push({ path: `components[${index}]`, code: 'cycle', message: `synchronous call cycle ${cycle.join(' → ')}; break it or route it through a QUEUE` });
    }
    warnings.push(...unreachableWarnings(design, outgoing));
  }

  return issues.length > 0 ? { ok: false, issues, warnings } : { ok: true, value: design, warnings };
}

/** Whether `component` calls every downstream (`fanOut: "all"`) rather than picking one. */
export function fansOutToAll(component: Component): boolean {
  return (component.type === 'SERVICE' || component.type === 'DATABASE' || component.type === 'CACHE') && component.properties.fanOut === 'all';
}

/** A connection's call-graph properties must match its source's mode. */
function callRoleIssues(index: number, connection: Connection, source: Component): ValidationIssue[] {
  const at = `connections[${index}].properties`;
  const p = connection.properties;
  if (fansOutToAll(source)) {
    if (p.weight === undefined) return [];
    return [{ path: `${at}.weight`, code: 'not_applicable', message: `weight picks one downstream, but '${source.id}' calls all its downstreams (fanOut: "all"); use probability for a share of requests` }];
  }
  const mode = source.type === 'SERVICE' || source.type === 'DATABASE' || source.type === 'CACHE' ? `calls one downstream (fanOut: "one")` : `is a ${source.type}, which calls one downstream`;
  const issues: ValidationIssue[] = [];
  for (const field of ['stage', 'probability'] as const) {
    if (p[field] === undefined) continue;
    issues.push({ path: `${at}.${field}`, code: 'not_applicable', message: `${field} applies only when the source calls all its downstreams (fanOut: "all"); '${source.id}' ${mode}` });
  }
  return issues;
}

function findSynchronousCycle(
  design: Design,
  outgoing: Map<string, string[]>,
  byId: Map<string, { component: Component }>,
): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 1);
    stack.push(id);
    if (byId.get(id)?.component.type !== 'QUEUE') {
      for (const next of outgoing.get(id) ?? []) {
        const s = state.get(next);
        if (s === 1) return [...stack.slice(stack.indexOf(next)), next];
        if (s === undefined) {
          const found = visit(next);
          if (found) return found;
        }
      }
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const component of design.components) {
    if (!state.has(component.id)) {
      const found = visit(component.id);
      if (found) return found;
    }
  }
  return undefined;
}

function unreachableWarnings(design: Design, outgoing: Map<string, string[]>): ValidationIssue[] {
  const reached = new Set<string>();
  const pending = design.components.filter((c) => c.type === 'CLIENT').map((c) => c.id);
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(outgoing.get(id) ?? []));
  }
  const warnings: ValidationIssue[] = [];
  design.components.forEach((component, index) => {
    if (!reached.has(component.id)) {
      warnings.push({ path: `components[${index}]`, code: 'unreachable', message: `no CLIENT sends requests to '${component.id}'; it will stay idle` });
    }
  });
  return warnings;
}
