import type { EditorComponent } from '@architech/editor-core';
import type { PreviewBadge } from '../overlays';

type Fields = Readonly<Record<string, unknown>>;

/**
 * The one-line property summary printed on a card, e.g. `3×4 · exp 20 ms` for a service with 3
 * replicas of 4 workers taking 20 ms on average, `400 req/s poisson` for a client, `hit 80% · exp 1 ms`
 * for a cache. Properties are read defensively: the editor holds half-typed values while the user
 * edits a form, and a card must never throw on them.
 */
export function componentSummary(component: EditorComponent): string {
  const p = component.properties as Fields;
  switch (component.type) {
    case 'CLIENT':
      return clientSummary(p);
    case 'LOAD_BALANCER':
      return join([STRATEGY_LABELS[String(p.strategy ?? 'round_robin')] ?? String(p.strategy), distribution(p.serviceTime)]);
    case 'SERVICE':
    case 'DATABASE':
      return join([`${count(p.replicas)}×${count(p.workers)}`, distribution(p.serviceTime)]);
    case 'CACHE':
      return join([typeof p.hitRatio === 'number' ? `hit ${formatNumber(p.hitRatio * 100)}%` : undefined, distribution(p.serviceTime)]);
    case 'QUEUE':
      return join([typeof p.capacity === 'number' ? `cap ${formatNumber(p.capacity)}` : 'unbounded', consumers(p.consumerConcurrency)]);
  }
}

/** The text of a preview badge: `ρ 0.72 · p95 34 ms`, or `OVERLOADED · ρ 1.30`. */
export function previewText(badge: PreviewBadge): string {
  const rho = `ρ ${badge.utilization.toFixed(2)}`;
  if (badge.overloaded) return `OVERLOADED · ${rho}`;
  return `${rho} · p95 ${badge.latencyP95Ms === undefined ? '–' : `${formatNumber(badge.latencyP95Ms)} ms`}`;
}

const STRATEGY_LABELS: Readonly<Record<string, string>> = {
  round_robin: 'round robin',
  random: 'random',
  least_connections: 'least connections',
};

function clientSummary(p: Fields): string {
  const arrival = isFields(p.arrival) ? p.arrival : {};
  const rate = typeof arrival.ratePerSec === 'number' ? `${formatNumber(arrival.ratePerSec)} req/s` : '? req/s';
  const profile = isFields(arrival.profile) && typeof arrival.profile.shape === 'string' ? arrival.profile.shape : undefined;
  return join([`${rate} ${String(arrival.process ?? 'poisson')}`, profile]);
}

function consumers(value: unknown): string | undefined {
  return typeof value === 'number' ? `${formatNumber(value)} consumers` : undefined;
}

/** A duration distribution, short: `exp 20 ms`, `20 ms`, `5–15 ms`, `N(10, 2) ms`, `logN(10, 5) ms`. */
function distribution(value: unknown): string | undefined {
  if (!isFields(value)) return undefined;
  const n = (key: string) => (typeof value[key] === 'number' ? formatNumber(value[key]) : '?');
  switch (value.dist) {
    case 'exponential':
      return `exp ${n('mean')} ms`;
    case 'constant':
      return `${n('value')} ms`;
    case 'uniform':
      return `${n('min')}–${n('max')} ms`;
    case 'normal':
      return `N(${n('mean')}, ${n('stddev')}) ms`;
    case 'lognormal':
      return `logN(${n('mean')}, ${n('stddev')}) ms`;
    default:
      return undefined;
  }
}

/** Replicas and workers default to 1 (docs/architecture.md §4). */
function count(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : '1';
}

/** At most three significant figures, thousands as `k`: 0.25, 12.5, 400, 1.2k. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k`;
  if (Math.abs(value) >= 1000) return `${trim((value / 1000).toFixed(1))}k`;
  if (Math.abs(value) >= 100) return String(Math.round(value));
  if (Math.abs(value) >= 10) return trim(value.toFixed(1));
  return trim(value.toFixed(2));
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function join(parts: readonly (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(' · ');
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
