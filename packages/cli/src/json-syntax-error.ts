/** Where a JSON text stops being valid, 1-based, with a short reason. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  reason: string;
}

class Failure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/**
 * Finds the first syntax error of a JSON text. `JSON.parse` already knows it is invalid, but
 * Node 20's messages give a character offset at best (and sometimes echo the whole document), so
 * a small scanner of the JSON grammar (RFC 8259) finds the line and column users can jump to.
 * Returns undefined for valid JSON, and for nesting too deep to scan recursively.
 *
 * @example locateJsonSyntaxError('{\n  "a": 1,\n}') // { line: 3, column: 1, reason: "expected a property name in double quotes, found '}'" }
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure)) return undefined;
    return { ...lineAndColumn(text, error.offset), reason: error.reason };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.whitespace();
    if (this.pos < this.text.length) this.fail('unexpected data after the JSON value');
  }

  private value(): void {
    this.whitespace();
    const c = this.text[this.pos];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.fail('expected a value');
  }

  private object(): void {
    this.pos++;
    this.whitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
      this.string();
      this.whitespace();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after the property name");
      this.pos++;
      this.value();
      this.whitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return;
      if (c !== ',') this.fail("expected ',' or '}' after a property value", this.pos - 1);
    }
  }

  private array(): void {
    this.pos++;
    this.whitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.whitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return;
      if (c !== ',') this.fail("expected ',' or ']' after an array element", this.pos - 1);
    }
  }

  private string(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        return;
      }
      if (c < 0x20) this.fail('unescaped control character (e.g. a line break) in a string');
      if (c === 92) {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('invalid \\u escape');
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('invalid escape sequence');
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.fail('unterminated string');
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match || match[0] === '-') this.fail('invalid number');
    this.pos += match[0].length;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else this.fail('expected a value');
  }

  private whitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      this.pos++;
    }
  }

  /** Stops the scan; the reason names the character found, since "expected X" alone rarely says what went wrong. */
  private fail(reason: string, at = this.pos): never {
    const found = this.text[at];
    const what = found === undefined ? 'the end of the file' : `'${found}'`;
    throw new Failure(at, `${reason}, found ${what}`);
  }
}
