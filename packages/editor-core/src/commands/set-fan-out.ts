import { edit, NO_CHANGE, refuse, type Command } from '../command';
import type { EditorComponent, EditorConnection } from '../document';

/** What {@link setFanOut} needs. */
export interface SetFanOutInput {
  /** A SERVICE, DATABASE or CACHE. */
  readonly id: string;
  /** `one`: each request calls one downstream picked by weight; `all`: every downstream, in stages. */
  readonly mode: 'one' | 'all';
}

/** Connection fields that apply under each mode of the source (docs/engine.md §1). */
const ONLY_UNDER: Readonly<Record<'one' | 'all', readonly string[]>> = { one: ['weight'], all: ['stage', 'probability'] };

/**
 * Switches how a component calls its downstreams, and in the same undo step removes from its
 * outgoing connections the fields the new mode does not read (`weight` under `all`; `stage` and
 * `probability` under `one`), so the switch never leaves the design invalid. `optional` is kept:
 * it applies under both modes.
 *
 * @example setFanOut({ id: 'api', mode: 'all' })
 */
export function setFanOut(input: SetFanOutInput): Command {
  return {
    name: 'set-fan-out',
    perform(state) {
      const { doc } = state;
      const index = doc.components.findIndex((c) => c.id === input.id);
      const component = doc.components[index];
      if (component === undefined) return refuse('unknown_element', `no component has id '${input.id}'`);
      if (component.type !== 'SERVICE' && component.type !== 'DATABASE' && component.type !== 'CACHE') {
        return refuse('not_applicable', `'${input.id}' is a ${component.type}: only a SERVICE, DATABASE or CACHE can call all its downstreams`);
      }
      const stale = ONLY_UNDER[input.mode === 'all' ? 'one' : 'all'];
      let touched = false;
      const connections = doc.connections.map((connection): EditorConnection => {
        if (connection.source !== input.id || !stale.some((key) => key in connection.properties)) return connection;
        touched = true;
        const properties: Record<string, unknown> = { ...connection.properties };
        for (const key of stale) delete properties[key];
        return { ...connection, properties } as EditorConnection;
      });
      if (component.properties.fanOut === input.mode && !touched) return NO_CHANGE;
      const components = [...doc.components];
      components[index] = { ...component, properties: { ...component.properties, fanOut: input.mode } } as EditorComponent;
      return edit({ doc: { ...doc, components, connections: touched ? connections : doc.connections } });
    },
  };
}
