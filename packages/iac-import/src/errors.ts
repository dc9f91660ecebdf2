/**
 * A file the importer refuses: it cannot be parsed, holds nothing importable, or is contradictory
 * (say, a dependency cycle). Always names the file and the line, and the parser's own reason.
 */
export class ImportFailure extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    readonly code: 'parse_error' | 'empty' | 'unknown_format' | 'cycle' | 'nothing_importable' | 'too_large' | 'invalid',
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ImportFailure';
  }
}

/** An HCL parser's refusal, with the position it reported. */
export class HclSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'HclSyntaxError';
  }
}
