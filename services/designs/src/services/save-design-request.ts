import { checkDesignGraph, fromZodIssues, saveDesignSchema, type SaveDesignInput, type ValidationIssue } from '@architech/contracts';
import { findTextIssues, isCleanJsonText, parseJsonBody } from '@architech/service-kit/json-text';
import type { GraphJson } from '../repositories/design-version.repository';

// Reading a save body is pure work on the request's text (no Nest, no database), so that it can
// run on a worker thread (save-design-thread.ts) as well as inline: the same function decides in
// both places.

type Graph = Pick<SaveDesignInput, 'components' | 'connections'>;

/**
 * A save request read once, at the edge: the fields `saveDesignSchema` parsed (the name trimmed),
 * the graph as the user wrote it serialised once (stored and answered as this text; the parsed
 * graph would spell out every default, docs/architecture.md "The design format"), and what the
 * graph rules a schema cannot express found (refused only once the caller is known to be an
 * editor, DesignsService).
 */
export interface PreparedSave {
  name?: string;
  description?: string;
  lineageId?: string;
  baseVersion?: number;
  graphJson: GraphJson;
  graphIssues: ValidationIssue[];
}

/** Why a body is refused: not JSON (the parser's message), or invalid (`what` named in the 400). */
export type SaveRefusal = { kind: 'invalid_json'; message: string } | { kind: 'invalid'; what: string; issues: ValidationIssue[] };

export type SaveReading = { ok: true; save: PreparedSave } | { ok: false; refusal: SaveRefusal };

/** Reads a parsed save body (the request's, or an import's generated design). */
export function readSaveBody(body: unknown): SaveReading {
  const parsed = saveDesignSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', what: 'design', issues: fromZodIssues(parsed.error.issues) } };
  const input = parsed.data;
  const outcome = checkDesignGraph({ components: input.components, connections: input.connections });
  // The body passed the strict schema, so the written graph holds nothing the schema did not
  // accept; whoever runs a version parses it again with `validateDesign`. `properties` is always
  // present (the column is NOT NULL): set in place, where a missing key is added last as a copy
  // `{ ...c, properties }` would.
  const written = body as Graph;
  for (const element of written.components) element.properties ??= {} as never;
  const connections = written.connections ?? [];
  for (const element of connections) element.properties ??= {} as never;
  return {
    ok: true,
    save: {
      name: input.name,
      description: input.description,
      lineageId: input.lineageId,
      baseVersion: input.baseVersion,
      graphJson: { components: JSON.stringify(written.components), connections: JSON.stringify(connections) },
      graphIssues: outcome.ok ? [] : outcome.issues,
    },
  };
}

/**
 * Reads a save body from its raw bytes (valid UTF-8, checked by the body reader) with the rules
 * the JSON middleware would have applied first: the parser's (strict, an empty body is `{}`) and
 * the text rule over every string (skipped when the bytes cannot break it).
 */
export function readSaveBytes(bytes: Buffer): SaveReading {
  const parsed = parseJsonBody(bytes.toString('utf8'));
  if (!parsed.ok) return { ok: false, refusal: { kind: 'invalid_json', message: parsed.message } };
  if (!isCleanJsonText(bytes)) {
    const issues = findTextIssues(parsed.value);
    if (issues.length > 0) return { ok: false, refusal: { kind: 'invalid', what: 'request body', issues } };
  }
  return readSaveBody(parsed.value);
}
