import { buildDesign } from './build-design';
import { importCloudFormation } from './cloud/cloudformation';
import { importTerraform } from './cloud/terraform';
import { importCompose } from './compose/compose';
import { detectCommonFormat } from './detect';
import type { Draft } from './draft';
import { ImportFailure } from './errors';
import { importKubernetes } from './k8s/k8s';
import { IMPORT_LIMITS } from './limits';
import type { IacFormat, ImportOptions, ImportResult, SourceFile } from './types';

function checkLimits(files: readonly SourceFile[]): void {
  if (files.length === 0) throw new ImportFailure('input', 1, 'no files to import', 'empty');
  if (files.length > IMPORT_LIMITS.maxFiles) throw new ImportFailure(files[IMPORT_LIMITS.maxFiles].path, 1, `more than ${IMPORT_LIMITS.maxFiles} files in one import`, 'too_large');
  let total = 0;
  for (const f of files) {
    if (f.text.length > IMPORT_LIMITS.maxFileChars) throw new ImportFailure(f.path, 1, `${f.text.length} characters: a file may hold at most ${IMPORT_LIMITS.maxFileChars}`, 'too_large');
    total += f.text.length;
  }
  if (total > IMPORT_LIMITS.maxTotalChars) throw new ImportFailure(files[0].path, 1, `${total} characters in all: an import may hold at most ${IMPORT_LIMITS.maxTotalChars}`, 'too_large');
}

async function draftOf(format: IacFormat, files: readonly SourceFile[], options: ImportOptions): Promise<Draft> {
  switch (format) {
    case 'compose':
      return importCompose(files);
    case 'k8s':
      return importKubernetes(files);
    case 'terraform':
      return importTerraform(files, options.hcl);
    case 'cloudformation':
      return importCloudFormation(files);
  }
}

/**
 * Imports infrastructure code into a runnable design. The caller reads the files (a folder is its
 * files); the result passes `validateDesign`, is laid out left to right, and lists every assumption
 * with its file and line. Refuses bad input with an {@link ImportFailure} naming file and line.
 *
 * @example
 * const { design, assumptions } = await importInfrastructure([{ path: 'docker-compose.yml', text }]);
 */
export async function importInfrastructure(files: readonly SourceFile[], options: ImportOptions = {}): Promise<ImportResult> {
  checkLimits(files);
  const format = !options.format || options.format === 'auto' ? detectCommonFormat(files) : options.format;
  const draft = await draftOf(format, files, options);
  const name = options.name ?? files[0].path.split('/').filter(Boolean).pop() ?? 'Imported design';
  return buildDesign(draft, format, files.map((f) => f.path), name);
}
