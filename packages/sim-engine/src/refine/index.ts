export { refineDesign, MAX_REFINE_ITERATIONS, DEFAULT_REFINE_RUN } from './refine';
export type { RefineOptions, RefineResult, RefineRunSettings } from './refine';
export type { Goal, GoalInput, CriterionResult } from './goal';
export type { RefineState, RefineTerminal, TimelineEntry, ValidationRecord } from './timeline';
export { applyChanges, designCapacity, stationCapacity } from './design-edit';
export type { ProposedChange } from './design-edit';
export { analyticMinimumCapacity, minimumReplicas, sizedReplicas, FIRST_TARGET, TIGHTER_TARGETS } from './sizing';
export { resilienceChanges, REFINE_RETRY } from './resilience';
