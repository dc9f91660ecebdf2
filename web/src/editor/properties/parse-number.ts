/** The outcome of reading a number the user typed: a number, nothing (an empty field), or why not. */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number | undefined }
  | { readonly ok: false; readonly message: string };

// Plain decimal notation with an optional exponent, as in JSON; a comma is read as a decimal point
// because many locales type one, and the field shows the number back in JSON notation.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number typed into a properties field. Surrounding spaces are ignored and an empty field
 * is `undefined` (the property is removed, so its default applies). Anything that is not a finite
 * number is refused with a message for the field; ranges are left to `validateDesign`, so a
 * number out of range still reaches the design and is reported with the API's own wording.
 *
 * @example parseNumberInput(' 2,5 ') // { ok: true, value: 2.5 }
 */
export function parseNumberInput(text: string): ParsedNumber {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: undefined };
  if (!NUMBER.test(trimmed)) return { ok: false, message: `“${text.trim()}” is not a number` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is too large` };
  return { ok: true, value };
}

/** A number as the field shows it; empty for a missing or non-numeric value. */
export function formatNumberInput(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
