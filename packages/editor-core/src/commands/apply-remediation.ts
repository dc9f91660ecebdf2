import { edit, NO_CHANGE, refuse, type Command, type EditorState } from '../command';
import type { EditorComponent } from '../document';

/** What {@link applyRemediation} needs: a review finding's mechanical fix. */
export interface ApplyRemediationInput {
  /** Property values per component; each replaces the component's value for that property. */
  readonly changes: readonly { readonly componentId: string; readonly properties: Readonly<Record<string, unknown>> }[];
}

/**
 * Applies a review remediation ("db: 2 replicas", "a 2 s timeout on api") as one undo step and
 * selects the components it touched. Each listed property is replaced whole (a retry policy or a
 * breaker is one setting); every component must exist, or nothing changes.
 *
 * @example applyRemediation({ changes: [{ componentId: 'db', properties: { replicas: 2 } }] })
 */
export function applyRemediation(input: ApplyRemediationInput): Command {
  return {
    name: 'apply-remediation',
    perform(state: EditorState) {
      const { doc } = state;
      const missing = input.changes.find((ch) => !doc.components.some((c) => c.id === ch.componentId));
      if (missing) return refuse('unknown_element', `no component has id '${missing.componentId}'`);
      let changed = false;
      const components = doc.components.map((c): EditorComponent => {
        const mine = input.changes.filter((ch) => ch.componentId === c.id);
        if (mine.length === 0) return c;
        const properties: Record<string, unknown> = { ...c.properties };
        for (const ch of mine) {
          for (const [key, value] of Object.entries(ch.properties)) {
            if (JSON.stringify(properties[key]) === JSON.stringify(value)) continue;
            properties[key] = value;
            changed = true;
          }
        }
        return { ...c, properties } as EditorComponent;
      });
      if (!changed) return NO_CHANGE;
      return edit({ doc: { ...doc, components }, selection: new Set(input.changes.map((ch) => ch.componentId)) });
    },
  };
}
