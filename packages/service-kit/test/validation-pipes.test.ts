import type { ArgumentMetadata } from '@nestjs/common';
import { z } from 'zod';
import { ApiException } from '../src/errors/api-exception';
import { isUuid, UuidParam, ValidatorPipe, ZodPipe } from '../src/http/validation-pipes';

/* The edge pipes answer exactly the API's error shapes: 400 validation_failed naming the field, 404 for a malformed id. */

const body: ArgumentMetadata = { type: 'body' };

function thrown(run: () => unknown): ApiException {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiException) return error;
    throw error;
  }
  throw new Error('expected the pipe to refuse');
}

describe('ZodPipe', () => {
  const pipe = ZodPipe(z.strictObject({ name: z.string().min(1), size: z.coerce.number().int().default(3) }), 'project');

  it('hands on the parsed value (coerced, defaults applied)', () => {
    expect(pipe.transform({ name: 'a', size: '7' }, body)).toEqual({ name: 'a', size: 7 });
    expect(pipe.transform({ name: 'a' }, body)).toEqual({ name: 'a', size: 3 });
  });

  it('refuses with 400 validation_failed whose message and details name the field', () => {
    const error = thrown(() => pipe.transform({ name: '' }, body));
    expect(error.status).toBe(400);
    expect(error.body()).toEqual({ error: { code: 'validation_failed', message: expect.stringMatching(/^project is invalid at name: /), details: [expect.objectContaining({ path: 'name' })] } });
    expect(thrown(() => pipe.transform({ name: 'a', extra: 1 }, body)).body().error.code).toBe('validation_failed');
  });

  it('reads a missing body as an empty object, as parseInput does', () => {
    expect(thrown(() => pipe.transform(undefined, body)).body().error.details).toEqual([expect.objectContaining({ path: 'name' })]);
  });
});

describe('ValidatorPipe', () => {
  const validate = (input: unknown) => (input === 'ok' ? { ok: true as const, value: 'fine' } : { ok: false as const, issues: [{ path: 'id', code: 'bad', message: 'is bad' }] });

  it('hands on the validated value, or refuses naming the validator’s first issue', () => {
    expect(ValidatorPipe(validate, 'requirement').transform('ok', body)).toBe('fine');
    expect(thrown(() => ValidatorPipe(validate, 'requirement').transform('no', body)).body()).toEqual({
      error: { code: 'validation_failed', message: 'requirement is invalid at id: is bad', details: [{ path: 'id', code: 'bad', message: 'is bad' }] },
    });
  });
});

describe('UuidParam', () => {
  const param: ArgumentMetadata = { type: 'param', data: 'id' };

  it('passes a canonical uuid in either case', () => {
    expect(UuidParam('project').transform('0f8fad5b-d9cb-469f-a165-70867728950e', param)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
  });

  it('answers anything else like an unknown id: 404 "<what> not found"', () => {
    for (const id of ['', 'nope', '0f8fad5b-d9cb-469f-a165-70867728950', '0f8fad5bd9cb469fa16570867728950e', ' 0f8fad5b-d9cb-469f-a165-70867728950e']) {
      expect(thrown(() => UuidParam('design').transform(id, param)).body()).toEqual({ error: { code: 'not_found', message: 'design not found' } });
    }
  });
});
