import { createContext, useContext } from 'react';
import type { ElementIssues } from '../overlays';

/**
 * What every field of one element's form needs: where its validation issues live and how to write
 * a change. Provided once per selected element so the fields take only their own path, label and
 * value instead of threading the store through every section.
 */
export interface ElementEditor {
  /** Id of the component or connection being edited. */
  readonly id: string;
  /** The element's path in validation issues, e.g. `components[2]`. */
  readonly prefix: string;
  /** The element's validation problems (`DesignValidation.byElement`). */
  readonly issues: ElementIssues | undefined;
  readonly readOnly: boolean;
  /**
   * Merges `values` into the object at `path` inside the element's properties: one
   * `updateProperties` dispatch, so one undo step. A value of `undefined` removes the key. A write
   * that would make one of the element's properties invalid is not made: the design keeps its last
   * valid value and the plain-words reason ("Must be between 0 and 1") is returned for the field.
   */
  readonly update: (path: readonly string[], values: Readonly<Record<string, unknown>>) => string | undefined;
}

const ElementEditorContext = createContext<ElementEditor | undefined>(undefined);

/** Makes `editor` available to the fields below. */
export const ElementEditorProvider = ElementEditorContext.Provider;

/** The element editor of the form this field is in; fields outside a form are a programming error. */
export function useElementEditor(): ElementEditor {
  const editor = useContext(ElementEditorContext);
  if (!editor) throw new Error('a properties field was rendered outside an ElementEditorProvider');
  return editor;
}

/** Splits a property path into the object to merge into and the key to set there. */
export function parentAndKey(path: readonly string[]): { readonly parent: readonly string[]; readonly key: string } {
  return { parent: path.slice(0, -1), key: path[path.length - 1]! };
}
