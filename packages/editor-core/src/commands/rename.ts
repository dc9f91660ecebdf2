import { edit, NO_CHANGE, refuse, type Command } from '../command';
import type { EditorComponent } from '../document';

/**
 * Sets a component's display name, trimmed. An empty name removes it, so the canvas falls back to
 * showing the id.
 */
export function renameComponent(id: string, name: string): Command {
  return {
    name: 'rename-component',
    perform(state) {
      const { doc } = state;
      const index = doc.components.findIndex((c) => c.id === id);
      if (index < 0) return refuse('unknown_element', `no component has id '${id}'`);
      const component = doc.components[index];
      const trimmed = name.trim();
      if ((component.name ?? '') === trimmed) return NO_CHANGE;
      const components = [...doc.components];
      components[index] = trimmed === '' ? withoutName(component) : { ...component, name: trimmed };
      return edit({ doc: { ...doc, components } });
    },
  };
}

/** Sets the design's name, trimmed. */
export function renameDocument(name: string): Command {
  return {
    name: 'rename-document',
    perform(state) {
      const trimmed = name.trim();
      return trimmed === state.doc.name ? NO_CHANGE : edit({ doc: { ...state.doc, name: trimmed } });
    },
  };
}

function withoutName(component: EditorComponent): EditorComponent {
  const copy: Record<string, unknown> = { ...component };
  delete copy.name;
  return copy as EditorComponent;
}
