/*
 * Reading an element's properties defensively: the editor holds whatever was typed (a half-edited
 * form is a normal state, see `updateProperties`), so the panel never trusts a property's type.
 */

/** A properties object, or one nested in it, as the panel reads it. */
export type Fields = Readonly<Record<string, unknown>>;

/** The number at `key`, if it is one. */
export function numberAt(fields: Fields | undefined, key: string): number | undefined {
  const value = fields?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** The string at `key`, if it is one. */
export function stringAt(fields: Fields | undefined, key: string): string | undefined {
  const value = fields?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The boolean at `key`, if it is one. */
export function booleanAt(fields: Fields | undefined, key: string): boolean | undefined {
  const value = fields?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The nested object at `key`, if it is one (arrays excluded). */
export function fieldsAt(fields: Fields | undefined, key: string): Fields | undefined {
  const value = fields?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}
