import { ImportFailure } from '../errors';
import type { Draft } from '../draft';
import type { SourceFile, SourceLocation } from '../types';
import { asArray, asObject, asString, isObject } from '../util';
import { parseYamlDocuments } from '../yaml-source';
import { mergeOverlay } from './merge';

/** One Kubernetes object and where it was first defined. */
export interface K8sObject extends SourceLocation {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  body: Record<string, unknown>;
}

/**
 * Every object of every document of every file (a `List` is unfolded). An object defined again
 * under the same kind, namespace and name (a kustomize overlay's patch) is merged onto the first.
 */
export function readObjects(files: readonly SourceFile[], draft: Draft): K8sObject[] {
  const byKey = new Map<string, K8sObject>();
  for (const file of files) {
    const docs = parseYamlDocuments(file.path, file.text);
    if (docs.length === 0) throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
    for (const doc of docs) {
      const items = isObject(doc.value) && doc.value.kind === 'List' ? asArray(doc.value.items) : [doc.value];
      items.forEach((item, index) => {
        const line = items.length > 1 ? doc.lineOf(['items', index]) : doc.lineOf([]);
        const at = { file: file.path, line };
        const body = asObject(item);
        const kind = asString(body.kind);
        const metadata = asObject(body.metadata);
        const name = asString(metadata.name);
        draft.resourceCount++;
        if (!kind || !asString(body.apiVersion)) {
          draft.note('unknown', 'a document without `apiVersion` and `kind` is not a Kubernetes object; ignored', at);
          return;
        }
        if (kind === 'Kustomization') {
          draft.note(kind, 'kustomization read as a folder: overlays are merged onto their base by kind and name; for exact results import `kustomize build` output', at);
          return;
        }
        if (!name) {
          draft.note(kind, `a ${kind} without metadata.name; ignored`, at);
          return;
        }
        const namespace = asString(metadata.namespace) ?? 'default';
        const key = `${kind}/${name}`;
        const existing = byKey.get(key);
        if (existing) {
          existing.body = mergeOverlay(existing.body, body) as Record<string, unknown>;
          draft.assume(`${kind} ${name} is defined again here: merged onto ${existing.file}:${existing.line} as an overlay patch`, at);
        } else {
          byKey.set(key, { kind, name, namespace, body, ...at });
        }
      });
    }
  }
  return [...byKey.values()];
}
