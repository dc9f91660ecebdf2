import { edit, NO_CHANGE, refuse, type Command, type Refusal } from '../command';
import type { EditorComponent, EditorConnection } from '../document';

type PlainObject = Readonly<Record<string, unknown>>;
type Merge = { readonly ok: true; readonly value: PlainObject } | Refusal;

/** What {@link updateProperties} needs. */
export interface UpdatePropertiesInput {
  /** A component or connection id. */
  readonly id: string;
  /** Where in `properties` to merge, e.g. `['arrival']` or `['retry']`; the properties object itself when empty. */
  readonly path?: readonly string[];
  /** Fields to set there; a field set to `undefined` is removed (clearing an optional setting). */
  readonly values: PlainObject;
}

/**
 * Shallow-merges `values` into the object at `path` inside an element's properties, creating the
 * objects along the path that are missing. The editor accepts any values here (a half-typed form is
 * a normal state); `validateDesign` judges them when the design is exported or run.
 *
 * @example updateProperties({ id: 'client-1', path: ['arrival'], values: { ratePerSec: 200 } })
 */
export function updateProperties(input: UpdatePropertiesInput): Command {
  return {
    name: 'update-properties',
    perform(state) {
      const { doc } = state;
      const path = input.path ?? [];
      const componentIndex = doc.components.findIndex((c) => c.id === input.id);
      const connectionIndex = doc.connections.findIndex((c) => c.id === input.id);
      const element = componentIndex >= 0 ? doc.components[componentIndex] : doc.connections[connectionIndex];
      if (element === undefined) return refuse('unknown_element', `no component or connection has id '${input.id}'`);

      const merge = mergeAt(element.properties, path, input.values, input.id);
      if (!merge.ok) return merge;
      const merged = merge.value;
      if (merged === element.properties) return NO_CHANGE;
      if (componentIndex >= 0) {
        const components = [...doc.components];
        components[componentIndex] = { ...element, properties: merged } as EditorComponent;
        return edit({ doc: { ...doc, components } });
      }
      const connections = [...doc.connections];
      connections[connectionIndex] = { ...element, properties: merged } as EditorConnection;
      return edit({ doc: { ...doc, connections } });
    },
  };
}

function mergeAt(target: PlainObject, path: readonly string[], values: PlainObject, id: string, depth = 0): Merge {
  if (depth === path.length) return { ok: true, value: mergeFields(target, values) };
  const key = path[depth];
  const child = target[key] ?? {};
  if (!isPlainObject(child)) {
    return refuse('not_an_object', `properties.${path.slice(0, depth + 1).join('.')} of '${id}' is not an object`);
  }
  const merge = mergeAt(child, path, values, id, depth + 1);
  if (!merge.ok) return merge;
  return { ok: true, value: merge.value === child ? target : { ...target, [key]: merge.value } };
}

function mergeFields(target: PlainObject, values: PlainObject): PlainObject {
  const keys = Object.keys(values);
  if (keys.every((key) => target[key] === values[key] && (values[key] !== undefined || !(key in target)))) return target;
  const next: Record<string, unknown> = { ...target };
  for (const key of keys) {
    if (values[key] === undefined) delete next[key];
    else next[key] = values[key];
  }
  return next;
}

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
