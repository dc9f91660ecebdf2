import { edit, NO_CHANGE, type Command } from '../command';

/**
 * Deletes the selected components and connections, together with every connection that touches a
 * deleted component (a design may not keep a dangling connection), and clears the selection.
 */
export function deleteSelection(): Command {
  return {
    name: 'delete-selection',
    perform(state) {
      const { doc, selection } = state;
      const components = doc.components.filter((c) => !selection.has(c.id));
      const kept = new Set(components.map((c) => c.id));
      const connections = doc.connections.filter((c) => !selection.has(c.id) && kept.has(c.source) && kept.has(c.target));
      if (components.length === doc.components.length && connections.length === doc.connections.length) return NO_CHANGE;
      return edit({ doc: { ...doc, components, connections }, selection: new Set() });
    },
  };
}
