import { useMemo } from 'react';
import { validateDesign, type Design, type DesignInput, type ValidationOutcome } from '@architech/contracts';
import { toDesign, type EditorDocument } from '@architech/editor-core';
import { validationOf, type DesignValidation } from './validation';

/**
 * One document of the editor, analysed once: what the validation panel and canvas badges, the
 * instant preview and the launcher all read, so none of them serialises or validates it again.
 */
export interface DesignAnalysis {
  readonly doc: EditorDocument;
  /** The document in the design format (`toDesign`), as the API and the engine take it. */
  readonly design: DesignInput;
  /** `validateDesign` of {@link design}: the API's verdict, and the design with defaults applied when valid. */
  readonly outcome: ValidationOutcome<Design>;
  /** {@link outcome} filed under the elements it concerns. */
  readonly validation: DesignValidation;
}

// Documents are immutable: one analysis per document object, whoever asks for it.
const analyses = new WeakMap<EditorDocument, DesignAnalysis>();

/** The analysis of `doc`, computed the first time any part of the editor asks for it. */
export function analyseDesign(doc: EditorDocument): DesignAnalysis {
  let analysis = analyses.get(doc);
  if (analysis === undefined) {
    const design = toDesign(doc);
    const outcome = validateDesign(design);
    analysis = { doc, design, outcome, validation: validationOf(doc, outcome) };
    analyses.set(doc, analysis);
  }
  return analysis;
}

/**
 * {@link analyseDesign} for a component: a new analysis only when the document changes.
 *
 * @example
 * const analysis = useDesignAnalysis(state.doc);
 * <PropertiesPanel validation={analysis.validation} … />; usePreview(analysis, on);
 */
export function useDesignAnalysis(doc: EditorDocument): DesignAnalysis;
export function useDesignAnalysis(doc: EditorDocument | undefined): DesignAnalysis | undefined;
export function useDesignAnalysis(doc: EditorDocument | undefined): DesignAnalysis | undefined {
  return useMemo(() => (doc === undefined ? undefined : analyseDesign(doc)), [doc]);
}
