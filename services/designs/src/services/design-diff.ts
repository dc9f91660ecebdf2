import type { Component, Connection, Design, DesignDiffDto } from '@architech/contracts';

/** The element-level part of a {@link DesignDiffDto}: everything but `from` and `to`. */
export type DesignChanges = Omit<DesignDiffDto, 'from' | 'to'>;

/**
 * What changed from `before` to `after`, matching components and connections by id. An element is
 * changed when its type, name, properties or position (components) or its source, target or
 * properties (connections) differ by value; moving it within the list is not a change. Added and
 * changed elements keep `after`'s order, removed ones `before`'s.
 *
 * @example diffDesigns(version1, version2).components.added.map((c) => c.id) // ['cache']
 */
export function diffDesigns(before: Pick<Design, 'components' | 'connections'>, after: Pick<Design, 'components' | 'connections'>): DesignChanges {
  return {
    components: diffById(before.components, after.components, sameComponent),
    connections: diffById(before.connections, after.connections, sameConnection),
  };
}

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
): { added: T[]; removed: T[]; changed: { before: T; after: T }[] } {
  const old = new Map(before.map((element) => [element.id, element]));
  const current = new Set(after.map((element) => element.id));
  return {
    added: after.filter((element) => !old.has(element.id)),
    removed: before.filter((element) => !current.has(element.id)),
    changed: after.flatMap((element) => {
      const previous = old.get(element.id);
      return previous && !same(previous, element) ? [{ before: previous, after: element }] : [];
    }),
  };
}

function sameComponent(a: Component, b: Component): boolean {
  return a.type === b.type && jsonEqual(a.name, b.name) && jsonEqual(a.properties, b.properties) && jsonEqual(a.position, b.position);
}

function sameConnection(a: Connection, b: Connection): boolean {
  return a.source === b.source && a.target === b.target && jsonEqual(a.properties, b.properties);
}

/**
 * Deep equality of JSON values, blind to key order (jsonb stores keys in its own order) and
 * treating an undefined property like a missing one.
 */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => jsonEqual(value, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!jsonEqual(left[key], right[key])) return false;
  return true;
}
