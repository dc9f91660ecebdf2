import { formatPath, type ValidationIssue } from '@architech/contracts';

// The JSON-body rules as pure functions of the text (no Nest, no Express), so that a worker thread
// that reads a body off the main thread applies exactly the rules the middleware chain applies
// (bootstrap.ts: the JSON parser, verifyUtf8Body, bodyTextRulesMiddleware). Import them from
// `@architech/service-kit/json-text`.

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one rule every string the API receives obeys, wherever it arrives (JSON body, query
 * parameter, path parameter, object key): it is well-formed Unicode (no lone UTF-16 surrogate)
 * and holds no NUL character. PostgreSQL cannot store either (a NUL fails the write, a lone
 * surrogate is silently replaced or fails a JSON cast), so such input is refused with a 400 that
 * names the field instead of failing later or being stored altered.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (it holds a lone UTF-16 surrogate, e.g. \\ud800)';
  return undefined;
}

/** Deepest nesting walked; deeper values are left to the route's own schema. */
const MAX_DEPTH = 64;

/** Every string (and object key) of `value` that breaks {@link textProblem}, with its path. */
export function findTextIssues(value: unknown, path: PropertyKey[] = [], issues: ValidationIssue[] = [], depth = 0): ValidationIssue[] {
  if (issues.length >= 20 || depth > MAX_DEPTH) return issues;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) issues.push({ path: formatPath(path), code: 'invalid_text', message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findTextIssues(item, [...path, index], issues, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) issues.push({ path: formatPath(path), code: 'invalid_text', message: `a key ${problem}` });
      else findTextIssues(item, [...path, key], issues, depth + 1);
    }
  }
  return issues;
}

/**
 * Whether the raw bytes of valid UTF-8 JSON text cannot hold a string that breaks the text rule:
 * no `\u` escape (the only way JSON text spells a NUL or a lone surrogate; a raw control character
 * is not valid JSON) and no zero byte (so not UTF-16, whose ASCII letters carry one). Such a body
 * needs no walk.
 */
export function isCleanJsonText(bytes: Buffer): boolean {
  return !bytes.includes('\\u') && !bytes.includes(0);
}

const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r]|$)/;

/** What {@link parseJsonBody} read: the value, or why the text is not a JSON body. */
export type JsonBodyOutcome = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses a request body's text exactly as the services' JSON parser does (Express's `json()`,
 * strict): an empty body is `{}`, anything but an object or array is refused with the message
 * `JSON.parse` gives for it.
 */
export function parseJsonBody(text: string): JsonBodyOutcome {
  if (text.length === 0) return { ok: true, value: {} };
  if (text[0] !== '{' && text[0] !== '[') {
    const first = FIRST_NON_WHITESPACE.exec(text)?.[1];
    if (first !== '{' && first !== '[') return { ok: false, message: strictViolation(text, first ?? '') };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** The parser's message for a body that is JSON but not an object or array: `JSON.parse`'s for its first character. */
function strictViolation(text: string, first: string): string {
  const index = first === '' ? -1 : text.indexOf(first);
  const partial = index === -1 ? '' : text.substring(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return 'strict violation';
  } catch (error) {
    return (error as Error).message.replace(/#+/g, (placeholder) => text.substring(index, index + placeholder.length));
  }
}

/** The error body of a request whose JSON body could not be parsed (the same as the JSON parser's, bootstrap.ts). */
export function invalidJsonMessage(parserMessage: string): string {
  return `request body is not valid JSON: ${parserMessage}`.trim();
}
