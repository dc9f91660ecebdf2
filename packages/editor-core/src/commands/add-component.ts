import { edit, type Command } from '../command';
import { createComponent } from '../component-defaults';
import type { ComponentType } from '../contracts';
import type { EditorComponent } from '../document';
import type { Point } from '../geometry';
import { freshId, ID_PREFIX, takenIds } from '../ids';

/** What {@link addComponent} needs. */
export interface AddComponentInput {
  readonly type: ComponentType;
  /** Top-left corner, world coordinates. */
  readonly position: Point;
  /** Properties instead of the type's defaults (a provider catalogue entry's, from `catalogueComponent`). */
  readonly properties?: EditorComponent['properties'];
  /** Its display name. */
  readonly name?: string;
  /** Id prefix instead of the type's (`rds-postgres` → `rds-postgres-1`). */
  readonly idPrefix?: string;
}

/**
 * Adds a component of `type` with default properties (see `createComponent`, or the `properties`
 * given) and an id from the injected generator (`service-1`, …), and selects it alone.
 */
export function addComponent(input: AddComponentInput): Command {
  return {
    name: 'add-component',
    perform(state, env) {
      const id = freshId(env.createId, input.idPrefix ?? ID_PREFIX[input.type], takenIds(state.doc));
      const created = createComponent(input.type, id, input.position);
      const component = { ...created, ...(input.properties ? { properties: input.properties } : {}), ...(input.name ? { name: input.name } : {}) } as EditorComponent;
      return edit({
        doc: { ...state.doc, components: [...state.doc.components, component] },
        selection: new Set([id]),
      });
    },
  };
}
