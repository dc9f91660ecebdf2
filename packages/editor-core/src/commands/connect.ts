import { edit, refuse, type Command } from '../command';
import { findComponent } from '../document';
import { CONNECTION_ID_PREFIX, freshId, takenIds } from '../ids';

/** What {@link connect} needs: the component dragged from (its output handle) and the one dropped on. */
export interface ConnectInput {
  readonly source: string;
  readonly target: string;
}

/**
 * Connects two components, requests flowing from `source` to `target`. Refuses, with a reason the
 * canvas can show, what the design contract forbids outright: an unknown end (`unknown_element`),
 * a component joined to itself (`self_loop`), a connection into a CLIENT (`invalid_target`), and a
 * second connection between the same two components in the same direction (`duplicate_connection`).
 */
export function connect(input: ConnectInput): Command {
  return {
    name: 'connect',
    perform(state, env) {
      const { source, target } = input;
      const doc = state.doc;
      for (const id of [source, target]) {
        if (!findComponent(doc, id)) return refuse('unknown_element', `no component has id '${id}'`);
      }
      if (source === target) return refuse('self_loop', `'${source}' cannot be connected to itself`);
      if (findComponent(doc, target)!.type === 'CLIENT') {
        return refuse('invalid_target', `'${target}' is a CLIENT: it only sends requests and cannot receive a connection`);
      }
      const existing = doc.connections.find((c) => c.source === source && c.target === target);
      if (existing) return refuse('duplicate_connection', `'${source}' is already connected to '${target}' by '${existing.id}'`);
      const id = freshId(env.createId, CONNECTION_ID_PREFIX, takenIds(doc));
      return edit({ doc: { ...doc, connections: [...doc.connections, { id, source, target, properties: {} }] } });
    },
  };
}
