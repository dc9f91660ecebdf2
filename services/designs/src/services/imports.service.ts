import { Injectable } from '@nestjs/common';
import type { ImportDesignResponseDto, ImportRequest } from '@architech/contracts';
import { ImportFailure, importInfrastructure } from '@architech/iac-import';
import { parseHcl } from '@architech/iac-import/hcl';
import { ApiException } from '@architech/service-kit';
import { DesignAccess } from './design-access.service';
import { DesignsService } from './designs.service';
import { readSaveDesign } from './save-design-reader';

/**
 * Imports infrastructure code (compose, Kubernetes, Terraform, CloudFormation) sent as file
 * contents into version 1 of a new design of the project, and answers with the assumptions made.
 * A file that cannot be imported is a 400 naming it: `files[i]`, with `file:line: reason`.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly designs: DesignsService,
    private readonly access: DesignAccess,
  ) {}

  async importDesign(projectId: string, userId: string, request: ImportRequest): Promise<ImportDesignResponseDto> {
    // Access first: a stranger learns nothing from how the import would have gone.
    await this.access.requireEditor(projectId, userId);
    let result;
    try {
      result = await importInfrastructure(request.files, { format: request.format, hcl: parseHcl, ...(request.name ? { name: request.name } : {}) });
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error;
      const index = request.files.findIndex((f) => f.path === error.file);
      throw ApiException.validation('import', [{ path: index >= 0 ? `files[${index}]` : 'files', code: error.code, message: error.message }]);
    }
    const design = await this.designs.save(projectId, userId, readSaveDesign({ ...result.design }));
    return {
      design,
      assumptions: [...result.assumptions],
      notes: [...result.notes],
      evidence: [...result.evidence],
      metadata: { ...result.metadata, servicesUsed: [...result.metadata.servicesUsed], files: [...result.metadata.files] },
    };
  }
}
