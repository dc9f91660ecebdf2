import { z } from 'zod';
import { designSchema, type Component, type Connection } from '../design.schema';

/**
 * `POST /api/projects/:id/designs` body. Without `lineageId` it starts a new design (version 1);
 * with `lineageId` and `baseVersion` it saves version n+1 of that design, and `baseVersion` must
 * be its latest version (else 409). The components and connections are validated with
 * `validateDesign` as well.
 */
export const saveDesignSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    lineageId: z.string().uuid().optional(),
    baseVersion: z.number().int().min(1).optional(),
    components: designSchema.shape.components,
    connections: designSchema.shape.connections,
  })
  .refine((b) => (b.lineageId === undefined) === (b.baseVersion === undefined), {
    message: 'lineageId and baseVersion go together: both to save a new version, neither to start a design',
    path: ['baseVersion'],
  });

/** One immutable version of a design. */
export interface DesignVersionDto {
  id: string;
  projectId: string;
  /** Identifies the design across its versions. */
  lineageId: string;
  version: number;
  isLatest: boolean;
  name: string;
  description: string | null;
  createdBy: string;
  createdAt: string;
  components: Component[];
  connections: Connection[];
}

/** A version without its graph, for lists. */
export type DesignVersionSummaryDto = Omit<DesignVersionDto, 'components' | 'connections'> & {
  componentCount: number;
  connectionCount: number;
};

/** What changed from one version to another, by element id. */
export interface DesignDiffDto {
  from: { id: string; version: number };
  to: { id: string; version: number };
  components: { added: Component[]; removed: Component[]; changed: { before: Component; after: Component }[] };
  connections: { added: Connection[]; removed: Connection[]; changed: { before: Connection; after: Connection }[] };
}

export type SaveDesignInput = z.output<typeof saveDesignSchema>;
