import type { DesignInput } from '@architech/contracts';

type Component = DesignInput['components'][number];

/**
 * Finds the design's component a chaos target names: by id, by name, by the last segment of an
 * ARN or resource path (`arn:aws:ecs:…:service/cluster/api` → `api`), or by a label value
 * (`app: api`, `app.kubernetes.io/name: api`). Case-insensitive; undefined when nothing matches.
 */
export function matchComponent(design: DesignInput, candidates: readonly string[]): Component | undefined {
  const wanted = candidates.flatMap((c) => [c, c.split(/[/:]/).pop() ?? c]).map((c) => c.toLowerCase()).filter(Boolean);
  const eligible = design.components.filter((c) => c.type !== 'CLIENT');
  for (const w of wanted) {
    const hit = eligible.find((c) => c.id.toLowerCase() === w || (c.name ?? '').toLowerCase() === w);
    if (hit) return hit;
  }
  return undefined;
}

/** Go-style durations (`30s`, `5m`, `1h30m`, `500ms`) and ISO 8601 ones (`PT5M`) in seconds. */
export function durationSec(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const iso = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(value.trim());
  if (iso) {
    const s = Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
    return s > 0 ? s : undefined;
  }
  let total = 0;
  let matched = '';
  for (const m of value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    matched += m[0];
    total += Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : m[2] === 's' ? 1 : 0.001);
  }
  if (/^\d+$/.test(value.trim())) return Number(value) > 0 ? Number(value) : undefined;
  return matched === value.trim() && total > 0 ? total : undefined;
}

/** Milliseconds of a latency like `100ms`, `1s`, `250`. */
export function latencyMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? value : undefined;
  const s = durationSec(value);
  return s === undefined ? undefined : s * 1000;
}

/** A fraction from `"50"` (percent), `0.5` or `"50%"`. */
export function fraction(value: unknown, percent = true): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace('%', '')) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const f = percent || n > 1 ? n / 100 : n;
  return Math.min(1, f);
}
