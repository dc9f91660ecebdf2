import type { Draft } from '../draft';
import { ImportFailure } from '../errors';
import type { SourceFile } from '../types';
import { isObject } from '../util';
import { parseJsonDocument, parseYamlDocuments, type YamlDoc } from '../yaml-source';
import { resourcesToDraft, type CloudResource } from './graph';

/** Logical ids an intrinsic function names: `Ref`, `Fn::GetAtt`, `${Name}`/`${Name.Attr}` in `Fn::Sub`. */
function collectRefs(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 100) return;
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'Ref' && typeof v === 'string') into.add(v);
    else if (k === 'Fn::GetAtt') {
      const target = Array.isArray(v) ? v[0] : typeof v === 'string' ? v.split('.')[0] : undefined;
      if (typeof target === 'string') into.add(target);
    } else if (k === 'Fn::Sub') {
      const template = Array.isArray(v) ? v[0] : v;
      if (typeof template === 'string') for (const m of template.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) into.add(m[1]);
      if (Array.isArray(v)) collectRefs(v[1], into, depth + 1);
    } else collectRefs(v, into, depth + 1);
  }
}

/** CloudFormation templates (YAML with short-form intrinsics, or JSON), SAM included, into a draft. */
export function importCloudFormation(files: readonly SourceFile[]): Draft {
  const resources: CloudResource[] = [];
  for (const file of files) {
    const docs: YamlDoc[] = file.path.endsWith('.json') ? [parseJsonDocument(file.path, file.text)] : parseYamlDocuments(file.path, file.text, { cloudformation: true });
    if (docs.length === 0) throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
    const doc = docs[0];
    const template = isObject(doc.value) ? doc.value : {};
    if (!isObject(template.Resources)) throw new ImportFailure(file.path, 1, 'a CloudFormation template needs a `Resources` section', 'empty');
    for (const [id, raw] of Object.entries(template.Resources)) {
      const line = doc.lineOf(['Resources', id]);
      if (!isObject(raw) || typeof raw.Type !== 'string') throw new ImportFailure(file.path, line, `resource ${id} has no Type`, 'invalid');
      const body = isObject(raw.Properties) ? raw.Properties : {};
      const refs = new Set<string>();
      collectRefs(body, refs);
      resources.push({ key: id, type: raw.Type, name: id, body, refs, file: file.path, line });
    }
    // SAM: a function's Events name what invokes it (queues, streams, topics, APIs).
    for (const r of resources.filter((x) => x.type === 'AWS::Serverless::Function' && isObject(x.body.Events))) {
      for (const event of Object.values(r.body.Events as Record<string, unknown>)) {
        const sources = new Set<string>();
        collectRefs(event, sources);
        for (const s of sources) {
          r.refs.delete(s);
          const source = resources.find((x) => x.key === s);
          if (source) source.refs.add(r.key);
        }
      }
    }
  }
  const ids = new Set(resources.map((r) => r.key));
  for (const r of resources) for (const ref of [...r.refs]) if (!ids.has(ref) || ref === r.key) r.refs.delete(ref);
  return resourcesToDraft(resources);
}
