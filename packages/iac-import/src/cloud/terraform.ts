import type { Draft } from '../draft';
import { HclSyntaxError, ImportFailure } from '../errors';
import type { HclParser, SourceFile } from '../types';
import { asArray, asCount, isObject } from '../util';
import { resourcesToDraft, walkStrings, type CloudResource } from './graph';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Line of a block's header (`resource "aws_lb" "web" {`): HCL's JSON form carries no positions. */
function blockLine(text: string, kind: string, labels: readonly string[]): number {
  const pattern = new RegExp(`^\\s*${kind}\\s+${labels.map((l) => `"${escape(l)}"`).join('\\s+')}`, 'm');
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

const REFERENCE = /(?<![\w.\-/:])([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/**
 * Terraform (HCL files of one module) into a draft. Resources are read from every file; references
 * are the `type.name` expressions in each resource's attributes (`aws_db_instance.main.address`,
 * `"${aws_sqs_queue.jobs.url}"`). Modules and data sources are noted, not followed.
 */
export async function importTerraform(files: readonly SourceFile[], parse: HclParser | undefined): Promise<Draft> {
  if (!parse) throw new ImportFailure(files[0]?.path ?? 'input', 1, 'Terraform needs an HCL parser, which this caller does not provide', 'unknown_format');
  const resources: CloudResource[] = [];
  const noted: { type: string; message: string; file: string; line: number }[] = [];
  for (const file of files) {
    if (file.text.trim() === '') throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
    let parsed: Record<string, unknown>;
    try {
      parsed = file.path.endsWith('.json') ? (JSON.parse(file.text) as Record<string, unknown>) : await parse(file.path, file.text);
    } catch (e) {
      const line = e instanceof HclSyntaxError ? e.line : 1;
      throw new ImportFailure(file.path, line, `HCL: ${e instanceof HclSyntaxError ? e.reason : (e as Error).message}`, 'parse_error');
    }
    for (const [type, byName] of Object.entries(isObject(parsed.resource) ? parsed.resource : {})) {
      for (const [name, blocks] of Object.entries(isObject(byName) ? byName : {})) {
        const body = (Array.isArray(blocks) ? blocks[0] : blocks) as Record<string, unknown>;
        if (!isObject(body)) continue;
        const count = asCount(body.count);
        resources.push({ key: `${type}.${name}`, type, name, body, refs: new Set(), file: file.path, line: blockLine(file.text, 'resource', [type, name]), ...(count !== undefined ? { count } : {}) });
      }
    }
    for (const [name, blocks] of Object.entries(isObject(parsed.module) ? parsed.module : {})) {
      const source = asArray(blocks).map((b) => (isObject(b) ? b.source : undefined))[0];
      noted.push({ type: 'module', message: `module ${name} (${String(source ?? 'no source')}) is not expanded: import its files as well`, file: file.path, line: blockLine(file.text, 'module', [name]) });
    }
    for (const [type, byName] of Object.entries(isObject(parsed.data) ? parsed.data : {})) {
      for (const name of Object.keys(isObject(byName) ? byName : {})) {
        noted.push({ type: `data.${type}`, message: `data source ${type}.${name} reads existing infrastructure outside these files; not a component`, file: file.path, line: blockLine(file.text, 'data', [type, name]) });
      }
    }
  }
  const keys = new Set(resources.map((r) => r.key));
  for (const r of resources) {
    walkStrings(r.body, (s) => {
      for (const m of s.matchAll(REFERENCE)) if (keys.has(`${m[1]}.${m[2]}`) && `${m[1]}.${m[2]}` !== r.key) r.refs.add(`${m[1]}.${m[2]}`);
    });
  }
  const draft = resourcesToDraft(resources);
  for (const n of noted) draft.note(n.type, n.message, n);
  return draft;
}
