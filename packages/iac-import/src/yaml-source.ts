import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Tags } from 'yaml';
import { ImportFailure } from './errors';

/** One parsed YAML document with a way back to the line of any of its paths. */
export interface YamlDoc {
  readonly file: string;
  /** The document as plain data (CloudFormation short forms turned into their long forms). */
  readonly value: unknown;
  /** 1-based line of the node at `path` (or of the closest parent that exists), the document's first line for `[]`. */
  lineOf(path: readonly (string | number)[]): number;
}

/** CloudFormation's short-form intrinsic functions (`!Ref x` is `{ Ref: x }`, `!Sub s` is `{ 'Fn::Sub': s }`). */
const CFN_FUNCTIONS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'ImportValue', 'FindInMap', 'GetAZs',
  'Base64', 'Cidr', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString',
] as const;

/** Accepts every short form, as scalar, sequence or mapping; `toData` turns the tagged node into its long form. */
const CFN_TAGS: Tags = CFN_FUNCTIONS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value as never },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value as never },
]) as unknown as Tags;

function longForm(tag: string, value: unknown): unknown {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') return { 'Fn::GetAtt': value.split('.') };
  return { [`Fn::${name}`]: value };
}

/** Plain data of a node, following aliases, with `!Tag` short forms turned into CloudFormation's long forms. */
function toData(node: unknown, doc: Document, cfn: boolean, depth = 0): unknown {
  if (depth > 200) throw new Error('nesting deeper than 200 levels');
  if (isAlias(node)) return toData(node.resolve(doc), doc, cfn, depth + 1);
  let value: unknown;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const raw = isScalar(pair.key) ? pair.key.value : toData(pair.key, doc, cfn, depth + 1);
      // `<<: *anchor` merges (YAML 1.1 merge keys, as compose files use them); the parser gives the key as a symbol
      if (raw === '<<' || typeof raw === 'symbol') {
        const merged = toData(pair.value, doc, cfn, depth + 1);
        for (const source of Array.isArray(merged) ? merged : [merged]) {
          if (source && typeof source === 'object') for (const [k, v] of Object.entries(source)) if (!(k in out)) out[k] = v;
        }
        continue;
      }
      out[String(raw)] = toData(pair.value, doc, cfn, depth + 1);
    }
    value = out;
  } else if (isSeq(node)) {
    value = node.items.map((item) => toData(item, doc, cfn, depth + 1));
  } else if (isScalar(node)) {
    value = node.value;
  } else {
    value = node ?? null;
  }
  const tag = (node as { tag?: string } | null)?.tag;
  // Only CloudFormation's own tags, and only in a CloudFormation template; any other tag keeps its plain value.
  return cfn && tag && (CFN_FUNCTIONS as readonly string[]).includes(tag.slice(1)) ? longForm(tag, value) : value;
}

/**
 * Parses every document of a YAML stream. A syntax error refuses the file with its line and the
 * parser's message. `cloudformation` accepts the short-form intrinsics as custom tags.
 */
export function parseYamlDocuments(file: string, text: string, options: { cloudformation?: boolean } = {}): YamlDoc[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    merge: true,
    uniqueKeys: false,
    customTags: options.cloudformation ? CFN_TAGS : [],
    prettyErrors: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const out: YamlDoc[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = lineCounter.linePos(error.pos[0]).line;
      throw new ImportFailure(file, line, `YAML: ${error.message.split('\n')[0]}`, 'parse_error');
    }
    let value: unknown;
    try {
      value = toData(doc.contents, doc, options.cloudformation === true);
    } catch (e) {
      throw new ImportFailure(file, 1, `YAML: ${(e as Error).message}`, 'parse_error');
    }
    if (value === null || value === undefined) continue;
    const start = doc.contents?.range?.[0] ?? 0;
    out.push({
      file,
      value,
      lineOf(path) {
        let node: unknown = doc.contents;
        let found = start;
        for (const key of path) {
          if (!isMap(node) && !isSeq(node)) break;
          const next: unknown = (node as { get(k: unknown, keep: true): unknown }).get(key, true);
          const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
          const at = (isScalar(pair?.key) ? pair.key.range?.[0] : undefined) ?? (next as Node | undefined)?.range?.[0];
          if (at === undefined) break;
          found = at;
          node = next;
        }
        return lineCounter.linePos(found).line;
      },
    });
  }
  return out;
}

/** A JSON file as one document; lines are found by searching for the quoted key (JSON has no positions). */
export function parseJsonDocument(file: string, text: string): YamlDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    throw new ImportFailure(file, line, `JSON: ${message}`, 'parse_error');
  }
  return { file, value, lineOf: (path) => lineOfKeys(text, path) };
}

/** Line of the last key of `path` found in order in the text (a search, for formats that carry no positions). */
export function lineOfKeys(text: string, path: readonly (string | number)[]): number {
  let from = 0;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const at = text.indexOf(`"${key}"`, from);
    if (at === -1) break;
    from = at;
  }
  return text.slice(0, from).split('\n').length;
}
