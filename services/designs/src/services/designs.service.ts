import { Injectable } from '@nestjs/common';
import {
  type DesignDiffDto,
  type DesignVersionDto,
  type DesignVersionSummaryDto,
} from '@architech/contracts';
import { ApiException } from '@architech/service-kit';
import type { DesignEntity } from '../entities/design.entity';
import { DesignVersionRepository, type GraphJson } from '../repositories/design-version.repository';
import { DesignAccess } from './design-access.service';
import { diffDesigns } from './design-diff';
import { toDesignVersionDto, toDesignVersionSummaryDto, versionFields } from './design-dto';
import type { PreparedSave } from './save-design-request';

/** The name of version 1 when the client gives none. */
const DEFAULT_DESIGN_NAME = 'Untitled design';

/** Saving design versions (each save is a new immutable version), reading them and comparing two. */
@Injectable()
export class DesignsService {
  constructor(
    private readonly versions: DesignVersionRepository,
    private readonly access: DesignAccess,
  ) {}

  /**
   * Saves version 1 of a new design, or version n+1 of `lineageId` when `baseVersion` is still its
   * latest version (else 409 naming the latest). The request was read at the edge (SaveDesignPipe);
   * here, for editors only, what the graph rules a schema cannot express found is refused, then the
   * graph is stored as written.
   */
  async save(projectId: string, userId: string, request: PreparedSave): Promise<DesignVersionDto> {
    const saved = await this.saveVersion(projectId, userId, request);
    return toDesignVersionDto(saved.design, { components: JSON.parse(saved.graphJson.components), connections: JSON.parse(saved.graphJson.connections) });
  }

  /**
   * {@link save}, answered as the JSON text of the DesignVersionDto: the graph is serialised once,
   * for the database and the answer (a 200-component graph is ~60 kB of JSON).
   */
  async saveJson(projectId: string, userId: string, request: PreparedSave): Promise<string> {
    const saved = await this.saveVersion(projectId, userId, request);
    const fields = JSON.stringify(versionFields(saved.design));
    return `${fields.slice(0, -1)},"components":${saved.graphJson.components},"connections":${saved.graphJson.connections}}`;
  }

  private async saveVersion(projectId: string, userId: string, input: PreparedSave): Promise<{ design: DesignEntity; graphJson: GraphJson }> {
    await this.access.requireEditor(projectId, userId);
    if (input.graphIssues.length > 0) throw ApiException.validation('design', input.graphIssues);
    const graphJson = input.graphJson;
    const version = { projectId, createdBy: userId, name: input.name, description: input.description, graphJson };
    if (input.lineageId === undefined || input.baseVersion === undefined) {
      return { design: await this.versions.insertFirst({ ...version, name: input.name ?? DEFAULT_DESIGN_NAME }), graphJson };
    }
    const saved = await this.versions.insertNext(version, input.lineageId, input.baseVersion);
    if (saved.kind === 'lineage_not_found') throw ApiException.notFound(`design ${input.lineageId}`);
    if (saved.kind === 'stale_base') {
      throw ApiException.conflict(`design was changed: version ${saved.latestVersion} is the latest, you edited version ${input.baseVersion}`, {
        latestVersion: saved.latestVersion,
        latestId: saved.latestId,
      });
    }
    return { design: saved.design, graphJson };
  }

  /** The latest version of each design of the project, most recently saved first. */
  async listLatest(projectId: string, userId: string): Promise<DesignVersionSummaryDto[]> {
    await this.access.requireReader(projectId, userId, 'project');
    return (await this.versions.latestOfProject(projectId)).map(toDesignVersionSummaryDto);
  }

  /**
   * Exactly the version `id`, latest or not, as the JSON text of a DesignVersionDto: the graph's
   * text comes from the cache of immutable versions, so a repeated read neither parses nor
   * serialises it.
   */
  async getJson(id: string, userId: string): Promise<string> {
    return this.versionJson(await this.readable(id, userId));
  }

  /** Every version of the design that version `id` belongs to, newest first. */
  async versionsOf(id: string, userId: string): Promise<DesignVersionSummaryDto[]> {
    const design = await this.readable(id, userId);
    return (await this.versions.versionsOfLineage(design.lineageId)).map(toDesignVersionSummaryDto);
  }

  /** What changed from version `againstId` to version `id`; both must be versions of the same design. */
  async diff(id: string, againstId: string, userId: string): Promise<DesignDiffDto> {
    const after = await this.readable(id, userId);
    const before = await this.versions.findById(againstId);
    if (!before || before.lineageId !== after.lineageId) {
      throw ApiException.validation('diff query', [
        { path: 'against', code: 'not_same_design', message: `${againstId} is not a version of design ${after.lineageId}` },
      ]);
    }
    const [beforeGraph, afterGraph] = await Promise.all([this.versions.graphOf(before.id), this.versions.graphOf(after.id)]);
    return {
      from: { id: before.id, version: before.version },
      to: { id: after.id, version: after.version },
      ...diffDesigns(beforeGraph, afterGraph),
    };
  }

  /** Service-to-service: {@link getJson} without a membership check (the caller checks). */
  async getInternalJson(id: string): Promise<string> {
    const design = await this.versions.findById(id);
    if (!design) throw ApiException.notFound('design');
    return this.versionJson(design);
  }

  private async versionJson(design: DesignEntity): Promise<string> {
    const fields = JSON.stringify(versionFields(design));
    return `${fields.slice(0, -1)},${await this.versions.graphTextOf(design.id)}}`;
  }

  /** The version `id` if the user may read its project; 404 `design not found` otherwise, whatever the reason. */
  private async readable(id: string, userId: string): Promise<DesignEntity> {
    const design = await this.versions.findById(id);
    if (!design) throw ApiException.notFound('design');
    await this.access.requireReader(design.projectId, userId, 'design');
    return design;
  }
}
