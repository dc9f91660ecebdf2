import { isObject } from '../util';

/**
 * Lays an overlay's partial resource over its base, roughly as a strategic merge patch does: maps
 * merge key by key, lists of named items (containers, env, ports) merge by `name`, other lists and
 * scalars are replaced. Exact results need `kustomize build`; the import says so.
 */
export function mergeOverlay(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? mergeOverlay(base[k], v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && [...base, ...patch].every((i) => isObject(i) && typeof i.name === 'string')) {
    const out = [...base] as Record<string, unknown>[];
    for (const item of patch as Record<string, unknown>[]) {
      const at = out.findIndex((b) => b.name === item.name);
      if (at >= 0) out[at] = mergeOverlay(out[at], item) as Record<string, unknown>;
      else out.push(item);
    }
    return out;
  }
  return patch;
}
