import type { ComponentType, DesignInput, Fault } from '@architech/contracts';

/** A file handed to an importer: its path as the user knows it (used in every message) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The formats an infrastructure import understands. */
export const IAC_FORMATS = ['compose', 'k8s', 'terraform', 'cloudformation'] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];

/** Where something came from: a file and a 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** An inference or default the importer had to make, for the user to confirm or correct. */
export interface Assumption extends SourceLocation {
  readonly message: string;
}

/** A resource the importer read but could not turn into a component (kept, never dropped silently). */
export interface ImportNote extends SourceLocation {
  readonly resource: string;
  readonly message: string;
}

/** Why a connection exists: what in the sources names the target. */
export interface ConnectionEvidence extends SourceLocation {
  readonly connection: string;
  readonly evidence: string;
}

/** Low, medium or high: see {@link complexityOf} for the rule. */
export type Complexity = 'low' | 'medium' | 'high';

/** Normalised facts about what was imported. */
export interface ImportMetadata {
  readonly originalFormat: IacFormat;
  /** Technologies or cloud services the sources use (images, AWS services…), sorted. */
  readonly servicesUsed: readonly string[];
  /** Resources read in the sources (components, glue and notes alike). */
  readonly resourceCount: number;
  readonly complexity: Complexity;
  readonly complexityRule: string;
  readonly files: readonly string[];
}

/** What an import produces: a design that passes `validateDesign`, laid out, and every inference stated. */
export interface ImportResult {
  readonly design: DesignInput;
  readonly assumptions: readonly Assumption[];
  readonly notes: readonly ImportNote[];
  readonly evidence: readonly ConnectionEvidence[];
  readonly metadata: ImportMetadata;
}

/** A parsed HCL file as JSON (the shape of `hcl2json`). Throws {@link HclSyntaxError} on bad input. */
export type HclParser = (file: string, text: string) => Promise<Record<string, unknown>>;

/** Options of `importInfrastructure`. */
export interface ImportOptions {
  /** `auto` (default) detects the format from each file's name and content. */
  readonly format?: IacFormat | 'auto';
  /** Name of the design; the first file's name by default. */
  readonly name?: string;
  /** Needed for Terraform: parses HCL (the `@architech/iac-import/hcl` entry provides one for Node). */
  readonly hcl?: HclParser;
}

/** A component as an importer found it, before defaults and fix-ups. */
export interface DraftComponent extends SourceLocation {
  /** Unique key within the import (e.g. `aws_db_instance.main`). */
  readonly key: string;
  readonly name: string;
  type: ComponentType;
  /** Human label of the resource kind, e.g. `Deployment`, `aws_ecs_service`, `postgres image`. */
  readonly resource: string;
  replicas?: number;
  workers?: number;
  autoscaling?: { minReplicas: number; maxReplicas: number; targetUtilization: number };
  maxDeliveries?: number;
  /** Components that consume from this QUEUE even though they were found referencing it. */
  consumerHint?: boolean;
}

/** A call found between two drafted components. */
export interface DraftEdge extends SourceLocation {
  readonly from: string;
  readonly to: string;
  readonly evidence: string;
}

/** A chaos experiment mapped onto a design: faults, and what could not be expressed. */
export interface FaultImportResult {
  readonly faults: readonly Fault[];
  readonly assumptions: readonly Assumption[];
  readonly unsupported: readonly ImportNote[];
  readonly source: 'chaos-mesh' | 'litmus' | 'aws-fis';
  /** A run long enough to see the experiment and its aftermath. */
  readonly suggestedDurationSec: number;
}
