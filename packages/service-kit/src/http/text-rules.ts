import { isUtf8 } from 'node:buffer';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationIssue } from '@architech/contracts';
import type { NextFunction, Request, Response } from 'express';
import { ApiException } from '../errors/api-exception';
import { findTextIssues, isCleanJsonText, textProblem } from './json-text';

export { findTextIssues, textProblem } from './json-text';

function refuse(res: Response, what: string, issues: ValidationIssue[]): void {
  const error = ApiException.validation(what, issues);
  res.status(error.status).json(error.body());
}

/** Splits a raw query string into its raw names and values (percent-encoded, `+` for space). */
function rawQueryPairs(url: string): [string, string][] {
  const at = url.indexOf('?');
  if (at < 0) return [];
  return url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
}

function decodes(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Applies the text rule to the path and the query of every request, and to the JSON body once it
 * is parsed: malformed percent-encoding (which includes encoded invalid UTF-8 such as a lone
 * surrogate) and NUL characters are refused with 400 `validation_failed` naming the parameter.
 */
export function textRulesMiddleware(req: Request, res: Response, next: NextFunction): void {
  const url = req.originalUrl ?? req.url;
  // Without a `%`, nothing decodes to a NUL, a surrogate or malformed UTF-8 (the HTTP parser
  // refuses a raw NUL or control character in the request line): most requests stop here.
  if (!url.includes('%')) return next();
  const pathEnd = url.indexOf('?');
  const rawPath = pathEnd < 0 ? url : url.slice(0, pathEnd);
  for (const segment of rawPath.split('/')) {
    if (decodes(segment) === undefined) return refuse(res, 'request path', [{ path: 'path', code: 'invalid_text', message: `segment '${segment.slice(0, 80)}' is not valid percent-encoded UTF-8` }]);
  }
  const issues: ValidationIssue[] = [];
  for (const [rawName, rawValue] of rawQueryPairs(url)) {
    const name = decodes(rawName);
    const value = decodes(rawValue);
    if (name === undefined) issues.push({ path: rawName.slice(0, 80), code: 'invalid_text', message: 'the parameter name is not valid percent-encoded UTF-8' });
    else if (value === undefined) issues.push({ path: name, code: 'invalid_text', message: 'is not valid percent-encoded UTF-8' });
    else {
      const problem = textProblem(name) ?? textProblem(value);
      if (problem) issues.push({ path: textProblem(name) ? '(parameter name)' : name, code: 'invalid_text', message: problem });
    }
  }
  if (issues.length > 0) return refuse(res, 'query', issues);
  next();
}

/**
 * Set by {@link verifyUtf8Body} on a request whose raw JSON text cannot hold a string that breaks
 * the rule: valid UTF-8 (so no surrogate written as bytes), no `\u` escape (the only way JSON
 * text spells a NUL or a lone surrogate; a raw control character is not valid JSON) and no zero
 * byte (so not UTF-16, whose ASCII letters carry one). Such a body needs no walk.
 */
const CLEAN_TEXT = Symbol('architech.cleanJsonText');

/** After the JSON body parser: the text rule over every string and key of the body. */
export function bodyTextRulesMiddleware(req: Request, res: Response, next: NextFunction): void {
  // A Buffer is a body read raw for its route to parse (ServiceAppOptions.rawJson), rules included.
  if (req.body !== undefined && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && (req as unknown as Record<symbol, unknown>)[CLEAN_TEXT] !== true) {
    const issues = findTextIssues(req.body);
    if (issues.length > 0) return refuse(res, 'request body', issues);
  }
  next();
}

/** Route parameters, decoded by the router, named in the error by their route name (`traceId`). */
@Injectable()
export class TextRulesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const issues = findTextIssues(value, metadata.data ? [metadata.data] : []);
    if (issues.length > 0) throw ApiException.validation('request path', issues);
    return value;
  }
}

/**
 * A JSON body must be valid UTF-8; the parser would otherwise replace bad bytes with U+FFFD.
 * Validated without decoding; a body that cannot break the text rule is marked so that
 * {@link bodyTextRulesMiddleware} skips its walk (most bodies: JSON.stringify escapes only
 * control characters and lone surrogates).
 */
export function verifyUtf8Body(req: unknown, _res: unknown, buffer: Buffer): void {
  if (!isUtf8(buffer)) throw Object.assign(new Error('request body is not valid UTF-8'), { type: 'entity.verify.failed', status: 400 });
  if (isCleanJsonText(buffer)) (req as Record<symbol, unknown>)[CLEAN_TEXT] = true;
}
