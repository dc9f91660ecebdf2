import { ImportFailure } from './errors';
import type { IacFormat, SourceFile } from './types';

/**
 * The format of one file from its name and a look at its text (no parsing): `.tf` is Terraform, a
 * template with `AWSTemplateFormatVersion` or `AWS::` resource types is CloudFormation, a top-level
 * `services:` is compose, `apiVersion:` + `kind:` is Kubernetes.
 */
export function detectFormat(file: SourceFile): IacFormat {
  const name = file.path.toLowerCase();
  const text = file.text;
  if (name.endsWith('.tf') || name.endsWith('.tf.json') || name.endsWith('.hcl')) return 'terraform';
  if (/AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::|Transform"?\s*:\s*"?AWS::Serverless/.test(text)) return 'cloudformation';
  if (/(^|\n)services\s*:/.test(text) || /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(name)) return 'compose';
  if (/(^|\n)\s*-?\s*apiVersion\s*:/.test(text) && /(^|\n)\s*kind\s*:/.test(text)) return 'k8s';
  if (/(^|\n)resource\s+"[^"]+"\s+"[^"]+"/.test(text)) return 'terraform';
  if (text.trim() === '') throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
  throw new ImportFailure(file.path, 1, 'not a format this importer reads (compose, Kubernetes, Terraform, CloudFormation); pass --format to force one', 'unknown_format');
}

/** One format for all files: every file must agree, or the import names the first that does not. */
export function detectCommonFormat(files: readonly SourceFile[]): IacFormat {
  let found: { format: IacFormat; file: string } | undefined;
  for (const file of files) {
    const format = detectFormat(file);
    if (found && found.format !== format) {
      throw new ImportFailure(file.path, 1, `looks like ${format}, but ${found.file} looks like ${found.format}: import one format at a time`, 'unknown_format');
    }
    found ??= { format, file: file.path };
  }
  if (!found) throw new ImportFailure('input', 1, 'no files to import', 'empty');
  return found.format;
}
