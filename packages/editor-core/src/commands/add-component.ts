import { edit, type Command } from '../command';
import { createComponent } from '../component-defaults';
import type { ComponentType } from '../contracts';
import type { Point } from '../geometry';
import { freshId, ID_PREFIX, takenIds } from '../ids';

/** What {@link addComponent} needs. */
export interface AddComponentInput {
  readonly type: ComponentType;
  /** Top-left corner, world coordinates. */
  readonly position: Point;
}

/**
 * Adds a component of `type` with default properties (see `createComponent`) and an id from the
 * injected generator (`service-1`, …), and selects it alone.
 */
export function addComponent(input: AddComponentInput): Command {
  return {
    name: 'add-component',
    perform(state, env) {
      const id = freshId(env.createId, ID_PREFIX[input.type], takenIds(state.doc));
      const component = createComponent(input.type, id, input.position);
      return edit({
        doc: { ...state.doc, components: [...state.doc.components, component] },
        selection: new Set([id]),
      });
    },
  };
}
