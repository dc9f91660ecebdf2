import type { Design, DesignVersionDto, DesignVersionSummaryDto } from '@architech/contracts';
import type { DesignEntity } from '../entities/design.entity';
import type { DesignVersionSummary } from '../repositories/design-version.repository';

/** A version with its graph, as the API answers it. */
export function toDesignVersionDto(design: DesignEntity, graph: Pick<Design, 'components' | 'connections'>): DesignVersionDto {
  return { ...versionFields(design), components: graph.components, connections: graph.connections };
}

/** A version without its graph, for lists. */
export function toDesignVersionSummaryDto(summary: DesignVersionSummary): DesignVersionSummaryDto {
  return { ...versionFields(summary.design), componentCount: summary.componentCount, connectionCount: summary.connectionCount };
}

/** A version's own fields, without its graph. */
export function versionFields(design: DesignEntity): Omit<DesignVersionDto, 'components' | 'connections'> {
  return {
    id: design.id,
    projectId: design.projectId,
    lineageId: design.lineageId,
    version: design.version,
    isLatest: design.isLatest,
    name: design.name,
    description: design.description,
    createdBy: design.createdBy,
    createdAt: design.createdAt.toISOString(),
  };
}
