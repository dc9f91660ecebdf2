/** Query parameters to set (a string) or remove (undefined). */
export type ParamPatch = Readonly<Record<string, string | undefined>>;

/**
 * `search` with `patch` applied, as a `?…` string (empty when nothing is left).
 *
 * @example withParams('?tab=logs&q=db', { q: undefined, t: '30' }) === '?tab=logs&t=30'
 */
export function withParams(search: string, patch: ParamPatch): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
