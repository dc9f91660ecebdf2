/*
 * The one door from editor-core to @architech/contracts (the only package of ours it may import,
 * docs/architecture.md §2): keeping those imports here makes the dependency easy to see and to review.
 */
export { COMPONENT_TYPES, validateDesign } from '@architech/contracts';
export type { ComponentType, DesignInput, ValidationIssue } from '@architech/contracts';
