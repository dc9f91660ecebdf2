import type { ValidationIssue } from '@architech/contracts';

/** What the instant preview measured at one component (see `preview/`). */
export interface PreviewBadge {
  /** Busy workers / all workers over the preview window; ≥ 1 means overloaded. */
  readonly utilization: number;
  /** 95th percentile of the response time at this component, ms; undefined when nothing completed. */
  readonly latencyP95Ms: number | undefined;
  /** Utilisation ≥ 1, or requests dropped / piling up without bound. */
  readonly overloaded: boolean;
}

/** How a diff view marks an element (compared with the older version). */
export type DiffMark = 'added' | 'removed' | 'changed';

/** Validation problems of one element, for its badge on the canvas and its fields in the panel. */
export interface ElementIssues {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

/** Everything drawn on top of the design itself. All maps are keyed by component or connection id. */
export interface CanvasOverlays {
  readonly issues: ReadonlyMap<string, ElementIssues>;
  readonly preview?: ReadonlyMap<string, PreviewBadge>;
  readonly diff?: ReadonlyMap<string, DiffMark>;
}
