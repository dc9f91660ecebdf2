import type { PipeTransform } from '@nestjs/common';
import type { ValidationIssue } from '@architech/contracts';
import type { z } from 'zod';
import { ApiException } from '../errors/api-exception';
import { parseInput } from './parse-body';

/**
 * Validates a body or query at the edge with a zod schema, once: the handler receives the parsed
 * value, a failure is the API's 400 `validation_failed` naming each field (as {@link parseInput}).
 * `what` names the input in the message ("project is invalid at name: …"). The text rule (NUL,
 * lone surrogates) has already run over every string by then (text-rules.ts).
 *
 * @example create(@Body(ZodPipe(createProjectSchema, 'project')) input: CreateProjectInput) {}
 */
export function ZodPipe<S extends z.ZodType>(schema: S, what: string): PipeTransform<unknown, z.output<S>> {
  return new ZodValidationPipe(schema, what);
}

class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly what: string,
  ) {}

  transform(value: unknown): z.output<S> {
    return parseInput(this.schema, value, this.what);
  }
}

/** A uuid in its canonical text form: what Postgres accepts as one of our ids. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid in its canonical text form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A route parameter that names a row by its uuid: anything else cannot name one, so it is
 * answered like any unknown id, 404 "`what` not found", without asking the database.
 *
 * @example get(@Param('id', UuidParam('project')) id: string) {}
 */
export function UuidParam(what: string): PipeTransform<string, string> {
  return new UuidParamPipe(what);
}

class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !isUuid(value)) throw ApiException.notFound(this.what);
    return value;
  }
}

/** What a contracts validator answers (`validateRequirement`, …): the value, or the issues naming each field. */
export type ValidatorOutcome<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * {@link ZodPipe} for an input whose contracts validator does more than a schema (cross-field
 * rules): a failure is the same 400 naming each field.
 *
 * @example create(@Body(ValidatorPipe(validateRequirement, 'requirement')) requirement: Requirement) {}
 */
export function ValidatorPipe<T>(validate: (input: unknown) => ValidatorOutcome<T>, what: string): PipeTransform<unknown, T> {
  return {
    transform(value: unknown): T {
      const outcome = validate(value);
      if (!outcome.ok) throw ApiException.validation(what, outcome.issues);
      return outcome.value;
    },
  };
}
