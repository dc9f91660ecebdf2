/**
 * @architech/editor-core — the canvas editor's state: the design being edited, selection, viewport,
 * commands and undo/redo, snapping and auto-layout. No React, no Konva, no DOM, no ambient clock or
 * randomness (ids come from an injected generator); `web` subscribes to an {@link EditorStore} and
 * renders what it holds.
 */
export { emptyDocument, fromDesign, toDesign, findComponent, findConnection, DEFAULT_DOCUMENT_NAME } from './document';
export type { EditorDocument, EditorComponent, EditorConnection, ImportResult, Immutable } from './document';
export { EditorStore } from './editor-store';
export type { EditorStoreOptions, DispatchResult } from './editor-store';
export { DEFAULT_HISTORY_LIMIT } from './history';
export { NO_CHANGE, edit, view, refuse } from './command';
export type { Command, CommandOutcome, EditorEnvironment, EditorState, Refusal, RefusalCode } from './command';
export { sequentialIds, ID_PREFIX, CONNECTION_ID_PREFIX, IdGeneratorExhaustedError } from './ids';
export type { IdGenerator } from './ids';
export { createComponent } from './component-defaults';
export { COMPONENT_SIZE, componentBox, boxFromCorners, unionBoxes, boxContains, boxesIntersect } from './geometry';
export type { Point, Size, Box } from './geometry';
export { MIN_ZOOM, MAX_ZOOM, DEFAULT_VIEWPORT, clampZoom, screenToWorld, worldToScreen, zoomAtPoint, fitBoxToCanvas } from './viewport';
export type { Viewport } from './viewport';
export { copySelection, parseClipboard, CLIPBOARD_KIND } from './clipboard';
export type { ClipboardContent } from './clipboard';
export { snapToGrid, snapToGuides, snapBox, DEFAULT_SNAP_THRESHOLD_PX } from './snapping';
export type { Guide, SnapResult, SnapOptions } from './snapping';
export { layoutLeftToRight, DEFAULT_LAYER_SPACING, DEFAULT_ROW_SPACING } from './layout';
export type { LayoutOptions } from './layout';
export { addComponent } from './commands/add-component';
export type { AddComponentInput } from './commands/add-component';
export { moveComponents } from './commands/move-components';
export type { MoveComponentsInput } from './commands/move-components';
export { connect } from './commands/connect';
export type { ConnectInput } from './commands/connect';
export { deleteSelection } from './commands/delete-selection';
export { updateProperties } from './commands/update-properties';
export type { UpdatePropertiesInput } from './commands/update-properties';
export { renameComponent, renameDocument } from './commands/rename';
export { setDescription } from './commands/set-description';
export { setFanOut } from './commands/set-fan-out';
export type { SetFanOutInput } from './commands/set-fan-out';
export { replaceDocument } from './commands/replace-document';
export { paste, duplicateSelection, PASTE_OFFSET } from './commands/paste';
export { selectByClick, selectByRectangle, selectAll, setSelection } from './commands/select';
export type { RubberBandMode, RubberBandOptions } from './commands/select';
export { setViewport, zoomAt, panBy } from './commands/set-viewport';
export { fitToScreen } from './commands/fit-to-screen';
export type { FitToScreenOptions } from './commands/fit-to-screen';
export { autoLayout } from './commands/auto-layout';
export { applyRemediation } from './commands/apply-remediation';
export type { ApplyRemediationInput } from './commands/apply-remediation';
