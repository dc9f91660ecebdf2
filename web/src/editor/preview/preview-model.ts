import { resolveDesign, type Component, type Design, type ResolvedDesign, type ValidationOutcome } from '@architech/contracts';
import { distributionMean, estimateCost, hasProviderBlocks, LIST_PRICES, type ComponentSummary, type PriceBook, type RunConfigSpec, type Summary } from '@architech/sim-engine';
import type { PreviewBadge } from '../overlays';
import { expectedArrivalRates } from './arrival-rates';
import { PREVIEW_MAX_EVENTS, previewConfig, previewWindow, type PreviewWindow } from './preview-window';

/** What the instant preview shows: per-component badges and an end-to-end line. */
export interface PreviewState {
  /**
   * `idle`: off, or nothing to run; `running`: a run is under way (the last figures stay until it
   * ends); `ready`: figures of the current design; `invalid`: the design does not validate;
   * `error`: the run failed or took too long.
   */
  readonly status: 'idle' | 'running' | 'ready' | 'invalid' | 'error';
  /** Per component id. */
  readonly badges: ReadonlyMap<string, PreviewBadge>;
  readonly endToEnd?: PreviewEndToEnd;
  /** Why there are no figures (`idle`, `invalid`, `error`), in words. */
  readonly message?: string;
  /** Wall-clock time of the run, ms. */
  readonly wallMs?: number;
  /** Simulated seconds of the run the figures come from, warm-up included. */
  readonly simulatedSec?: number;
  /** USD a month at the preview's load (`previewMonthlyCost`); absent without provider blocks. */
  readonly monthlyCost?: number;
}

/** End-to-end figures of a preview. */
export interface PreviewEndToEnd {
  /** Successful requests per second. */
  readonly throughput: number;
  /** errors / (completions + errors), 0–1. */
  readonly errorRate: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}

/** Utilisation at or above which a component counts as saturated: 1, allowing for rounding. */
export const OVERLOAD_UTILIZATION = 0.999;
/** Share of arrivals dropped above which a component counts as overloaded. */
export const OVERLOAD_DROP_SHARE = 0.01;

/** Nothing to show. */
export const IDLE_PREVIEW: PreviewState = { status: 'idle', badges: new Map() };

/** A preview to run, or the state that says why there is none. */
export type PreviewPlan =
  | { readonly kind: 'run'; readonly design: ResolvedDesign; readonly window: PreviewWindow; readonly config: RunConfigSpec }
  | { readonly kind: 'skip'; readonly state: PreviewState };

/**
 * Decides whether and how to preview a design from its `validateDesign` outcome (the API's rules,
 * as the editor's design analysis holds it): it must be valid, have a CLIENT to send traffic, and
 * not need more events than the engine's budget even in the shortest window; then the engine gets
 * the validated design (defaults applied) and a short window (`previewWindow`).
 */
export function planPreview(outcome: ValidationOutcome<Design>): PreviewPlan {
  if (!outcome.ok) {
    const count = outcome.issues.length;
    return skip({ status: 'invalid', badges: new Map(), message: `Preview paused: fix ${count} problem${count === 1 ? '' : 's'}` });
  }
  const design = outcome.value;
  if (design.components.length === 0) return skip({ ...IDLE_PREVIEW, message: 'Preview: add components to see how the design behaves' });
  if (!design.components.some((c) => c.type === 'CLIENT')) return skip({ ...IDLE_PREVIEW, message: 'Preview: add a client to send traffic' });
  const window = previewWindow(design);
  if (window.estimatedEvents > PREVIEW_MAX_EVENTS) {
    // Even the shortest window would hit the engine's budget: say so at once rather than fail later.
    const millions = (window.estimatedEvents / 1e6).toFixed(1);
    return skip({ ...IDLE_PREVIEW, message: `Preview skipped: too much traffic for an instant preview (about ${millions} M events in ${window.durationSec} s); run a full simulation` });
  }
  return { kind: 'run', design: resolveDesign(design), window, config: previewConfig(window) };
}

function skip(state: PreviewState): PreviewPlan {
  return { kind: 'skip', state };
}

/** The state of a finished run: badges for every component, end-to-end figures, timing. */
export function readyPreview(design: Design, window: Pick<PreviewWindow, 'durationSec' | 'warmupSec'>, summary: Summary, wallMs: number, prices: PriceBook = LIST_PRICES): PreviewState {
  const { endToEnd } = summary;
  const monthlyCost = previewMonthlyCost(design, summary, window.durationSec - window.warmupSec, prices);
  return {
    ...(monthlyCost !== undefined ? { monthlyCost } : {}),
    status: 'ready',
    badges: previewBadges(design, summary, window.durationSec - window.warmupSec),
    endToEnd: { throughput: endToEnd.throughput, errorRate: endToEnd.errorRate, p95Ms: endToEnd.latency.p95, p99Ms: endToEnd.latency.p99 },
    wallMs,
    simulatedSec: window.durationSec,
  };
}

/**
 * The editor's "≈ $1,240 / month at this load": `estimateCost` (steady state: fixed replicas all
 * month, autoscaling sized for the load, serverless per call and GB-second) at the client rate
 * the preview measured (requests ÷ measured seconds). Undefined without provider blocks or load.
 */
export function previewMonthlyCost(design: Design, summary: Summary, measuredSec: number, prices: PriceBook = LIST_PRICES): number | undefined {
  if (!hasProviderBlocks(design) || measuredSec <= 0) return undefined;
  const ratePerSec = summary.endToEnd.requests / measuredSec;
  return ratePerSec > 0 ? estimateCost(design, ratePerSec, prices).monthly : undefined;
}

/** `$1,240` (whole dollars from $100, cents below). */
export function formatUsd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: value < 100 ? 2 : 0, maximumFractionDigits: value < 100 ? 2 : 0 })}`;
}

/** One badge per component the engine reported on. `measuredSec` is the window after warm-up. */
export function previewBadges(design: Design, summary: Summary, measuredSec: number): Map<string, PreviewBadge> {
  const badges = new Map<string, PreviewBadge>();
  const expected = expectedArrivalRates(design);
  for (const component of design.components) {
    const stats = summary.components[component.id];
    if (!stats) continue;
    badges.set(component.id, {
      utilization: stats.utilization,
      latencyP95Ms: stats.completions > 0 ? stats.latency.p95 : undefined,
      overloaded: isOverloaded(component, stats, measuredSec, expected.get(component.id)),
    });
  }
  return badges;
}

/**
 * Whether a component is overloaded in the preview. Any one of:
 *
 * 1. **Saturated**: utilisation ≥ {@link OVERLOAD_UTILIZATION} (busy ÷ provisioned workers, or for
 *    a QUEUE outstanding ÷ allowed deliveries).
 * 2. **Dropping**: more than {@link OVERLOAD_DROP_SHARE} (1 %) of its arrivals dropped by a full
 *    queue — a bounded queue caps utilisation just below 1 while the excess is thrown away.
 * 3. **Offered load ≥ 1** (SERVICE, DATABASE, CACHE): λ·E[S] / (replicas × workers) ≥ 1, with λ the
 *    larger of the arrivals per second after warm-up and the rate the design's traffic equations
 *    give (`expectedArrivalRates`: λ × probability along each fan-out edge, λ × weight share
 *    otherwise — a 15 s window draws a rare branch too seldom to measure it), E[S] the
 *    service-time mean and replicas the most it can have (`autoscaling.maxReplicas` when it scales). An unstable unbounded queue starts empty,
 *    so over a 15 s window its measured utilisation stays a little under 1 while the queue grows
 *    without bound; the arithmetic says what the window cannot show yet. Retries count (each
 *    attempt is an arrival); with `blockingCalls` a worker is held longer than E[S], which only
 *    rule 1 sees.
 *
 * CLIENTs and LOAD_BALANCERs never queue, so they are never overloaded (utilisation 0, no drops).
 */
export function isOverloaded(component: Component, stats: ComponentSummary, measuredSec: number, expectedRatePerSec = 0): boolean {
  if (stats.utilization >= OVERLOAD_UTILIZATION) return true;
  if (stats.arrivals > 0 && stats.drops / stats.arrivals > OVERLOAD_DROP_SHARE) return true;
  const arrivals = Math.max(stats.arrivals, expectedRatePerSec * measuredSec);
  const load = offeredLoad(component, arrivals, measuredSec);
  return load !== undefined && load >= 1;
}

/**
 * λ·E[S] / (replicas × workers) of a station (λ·E[S] / serverless.maxConcurrency for a serverless one) from the arrivals it had over `measuredSec`;
 * `undefined` for components without workers (CLIENT, LOAD_BALANCER, QUEUE) or an empty window.
 */
export function offeredLoad(component: Component, arrivals: number, measuredSec: number): number | undefined {
  if (component.type !== 'SERVICE' && component.type !== 'DATABASE' && component.type !== 'CACHE') return undefined;
  if (measuredSec <= 0) return undefined;
  const p = component.properties;
  // Autoscaling keeps replicas within [minReplicas, maxReplicas]; the ceiling is what it can reach.
  // A serverless station has no replicas: it serves up to maxConcurrency calls at once (throttling beyond, counted in drops).
  const servers = p.serverless ? p.serverless.maxConcurrency : (p.autoscaling ? p.autoscaling.maxReplicas : p.replicas) * p.workers;
  const serviceSec = distributionMean(p.serviceTime) / 1000;
  return ((arrivals / measuredSec) * serviceSec) / servers;
}

/** The ids of the overloaded components, in badge order. */
export function overloadedIds(state: PreviewState): string[] {
  return [...state.badges].filter(([, badge]) => badge.overloaded).map(([id]) => id);
}

/**
 * The status line of a preview, e.g. `Preview (20 s simulated): 398 req/s · p95 41 ms · p99 77 ms ·
 * errors 0.0% — 2 overloaded`, or the state's message.
 */
export function previewSummaryText(state: PreviewState): string {
  switch (state.status) {
    case 'running':
      return 'Running preview…';
    case 'ready': {
      const e = state.endToEnd;
      if (!e) return 'Preview ready';
      const overloaded = overloadedIds(state).length;
      const head = `Preview (${formatFigure(state.simulatedSec ?? 0)} s simulated):`;
      const errors = `errors ${(e.errorRate * 100).toFixed(1)}%`;
      const figures =
        e.throughput > 0
          ? `${formatFigure(e.throughput)} req/s · p95 ${formatFigure(e.p95Ms)} ms · p99 ${formatFigure(e.p99Ms)} ms · ${errors}`
          : `no request succeeded · ${errors}`;
      const line = `${head} ${figures}`;
      return overloaded > 0 ? `${line} — ${overloaded} overloaded` : line;
    }
    default:
      return state.message ?? 'Preview';
  }
}

/** A figure rounded for reading at a glance: whole above 100, one decimal below, two below 1. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return String(Math.round(value));
  return magnitude >= 1 ? value.toFixed(1) : value.toFixed(2);
}
