import type { NextFunction, Request, Response } from 'express';
import { bodyTextRulesMiddleware, verifyUtf8Body } from '../src/http/text-rules';

/*
 * The text rule on JSON bodies (issue 13, items 1 and 2): the raw bytes are checked for UTF-8
 * without decoding, and a body whose text cannot spell a NUL or a lone surrogate skips the walk
 * over its strings; every body that can is still walked and refused naming the field.
 */

type Answer = { status?: number; body?: any; passed: boolean };

/** What the JSON parser and the body middleware do with these raw bytes (decoded as `charset`). */
function receive(bytes: Buffer, charset: BufferEncoding = 'utf8'): Answer {
  const req = {} as Request;
  const answer: Answer = { passed: false };
  verifyUtf8Body(req, undefined, bytes);
  req.body = JSON.parse(bytes.toString(charset));
  const res = { status: (status: number) => ({ json: (body: unknown) => Object.assign(answer, { status, body }) }) } as unknown as Response;
  bodyTextRulesMiddleware(req, res, (() => (answer.passed = true)) as NextFunction);
  return answer;
}

const refusedAt = (answer: Answer) => (answer.passed ? 'passed' : `${answer.status} ${answer.body.error.details[0].code} ${answer.body.error.details[0].path}`);

describe('JSON body text rule', () => {
  it('passes clean bodies, including every non-ASCII character written as UTF-8', () => {
    expect(receive(Buffer.from(JSON.stringify({ name: 'Café 🚀', tags: ['a', 'b'] }))).passed).toBe(true);
  });

  it('refuses a NUL or a lone surrogate written as a JSON escape, naming the field', () => {
    expect(refusedAt(receive(Buffer.from(JSON.stringify({ components: [{ name: 'a\u0000b' }] }))))).toBe('400 invalid_text components[0].name');
    expect(refusedAt(receive(Buffer.from('{"name":"x\\ud800"}')))).toBe('400 invalid_text name');
    expect(refusedAt(receive(Buffer.from('{"a\\u0000":1}')))).toBe('400 invalid_text ');
  });

  it('accepts an escaped backslash followed by "u0000": the text is a backslash and letters', () => {
    const answer = receive(Buffer.from(JSON.stringify({ name: '\\u0000' })));
    expect(answer.passed).toBe(true);
  });

  it('walks a UTF-16 body (its zero bytes hide the escape from a byte search)', () => {
    expect(refusedAt(receive(Buffer.from('{"name":"\\u0000"}', 'utf16le'), 'utf16le'))).toBe('400 invalid_text name');
  });

  it('refuses bytes that are not UTF-8, including a surrogate encoded as bytes (CESU-8)', () => {
    const refused = (bytes: number[]) => {
      try {
        verifyUtf8Body({}, undefined, Buffer.from(bytes));
        return 'accepted';
      } catch (error) {
        return (error as { type: string }).type;
      }
    };
    expect(refused([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])).toBe('entity.verify.failed');
    expect(refused([0x22, 0xed, 0xa0, 0x80, 0x22])).toBe('entity.verify.failed');
    expect(refused([0x22, 0xc3, 0xa9, 0x22])).toBe('accepted');
  });
});
