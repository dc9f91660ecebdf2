import type { Arrival, Design } from '@architech/contracts';
import type { RunConfigSpec } from '@architech/sim-engine';

/** Longest simulated window of a preview, seconds. */
export const PREVIEW_MAX_DURATION_SEC = 20;
/** Shortest window, for designs with so much traffic that even this is a lot of events. */
export const PREVIEW_MIN_DURATION_SEC = 4;
/** Share of the window discarded as warm-up: 5 s of 20 s. */
export const PREVIEW_WARMUP_SHARE = 0.25;
/** The one seed of every preview, so the same design always previews the same. */
export const PREVIEW_SEED = 1;
/**
 * Events a preview plans for: about 200–250 ms at the engine's measured 4–5 M events/s
 * (docs/benchmarks.md), inside the ~300 ms an edit may wait for its preview.
 */
export const PREVIEW_EVENT_TARGET = 1_000_000;
/** The engine's hard budget: a design the estimate misjudges fails fast instead of freezing the worker. */
export const PREVIEW_MAX_EVENTS = 2 * PREVIEW_EVENT_TARGET;

/*
 * Scheduler events per request, estimated from docs/benchmarks.md: an M/M/1 takes ~2 events per
 * request, a 20-component design with latencies ~16 over some 5 hops. Generous on purpose: an
 * overestimate only shortens the window.
 */
const EVENTS_PER_REQUEST = 2;
const EVENTS_PER_HOP = 4;

/** The simulated window of a preview. */
export interface PreviewWindow {
  readonly durationSec: number;
  readonly warmupSec: number;
  /** The events the run is expected to take, by {@link estimatedEventsPerSec}. */
  readonly estimatedEvents: number;
}

/**
 * The window to simulate: {@link PREVIEW_MAX_DURATION_SEC} unless the design's traffic would need
 * more than {@link PREVIEW_EVENT_TARGET} events in it, then as many whole seconds as fit (never
 * under {@link PREVIEW_MIN_DURATION_SEC}), so a busy design still previews in about the same time.
 */
export function previewWindow(design: Design): PreviewWindow {
  const eventsPerSec = estimatedEventsPerSec(design, PREVIEW_MAX_DURATION_SEC);
  const fitting = eventsPerSec > 0 ? Math.floor(PREVIEW_EVENT_TARGET / eventsPerSec) : PREVIEW_MAX_DURATION_SEC;
  const durationSec = Math.min(PREVIEW_MAX_DURATION_SEC, Math.max(PREVIEW_MIN_DURATION_SEC, fitting));
  return { durationSec, warmupSec: durationSec * PREVIEW_WARMUP_SHARE, estimatedEvents: Math.round(eventsPerSec * durationSec) };
}

/** The engine configuration of a preview: one replication, fixed seed, no faults, no traces or logs. */
export function previewConfig(window: Pick<PreviewWindow, 'durationSec' | 'warmupSec'>): RunConfigSpec {
  return {
    durationSec: window.durationSec,
    warmupSec: window.warmupSec,
    seed: PREVIEW_SEED,
    replications: 1,
    maxReplications: 2,
    faults: [],
    tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 },
    maxEvents: PREVIEW_MAX_EVENTS,
  };
}

/**
 * A rough upper estimate of the scheduler events per simulated second: each client's highest rate
 * within the first `horizonSec` seconds times the events of a request along the longest path it can
 * take (every hop, queues' consumers included).
 */
export function estimatedEventsPerSec(design: Design, horizonSec: number): number {
  const downstream = new Map<string, string[]>();
  for (const { source, target } of design.connections) downstream.set(source, [...(downstream.get(source) ?? []), target]);
  const depth = longestPaths(downstream);
  let total = 0;
  for (const component of design.components) {
    if (component.type !== 'CLIENT') continue;
    const hops = depth(component.id);
    total += peakRatePerSec(component.properties.arrival, horizonSec) * (EVENTS_PER_REQUEST + EVENTS_PER_HOP * hops);
  }
  return total;
}

/**
 * The highest arrival rate in [0, horizonSec], by the rules of docs/engine.md §2 (arrival
 * profiles); a diurnal wave counts at its crest.
 */
export function peakRatePerSec(arrival: Arrival, horizonSec: number): number {
  const base = arrival.ratePerSec;
  const profile = arrival.profile;
  if (!profile) return base;
  switch (profile.shape) {
    case 'ramp': {
      if (horizonSec <= profile.startSec) return base;
      const reached = Math.min(1, (horizonSec - profile.startSec) / (profile.endSec - profile.startSec));
      return Math.max(base, base + reached * (profile.toRatePerSec - base));
    }
    case 'spike':
      return profile.startSec < horizonSec ? Math.max(base, profile.ratePerSec) : base;
    case 'diurnal':
      return base * (1 + profile.amplitude);
    case 'points': {
      const pts = profile.points;
      const inside = pts.filter(([t]) => t <= horizonSec).map(([, rate]) => rate);
      const next = pts.find(([t]) => t > horizonSec);
      const before = pts.filter(([t]) => t <= horizonSec).at(-1);
      // The line towards the first point past the horizon is cut at the horizon.
      const atHorizon = next && before ? before[1] + ((horizonSec - before[0]) / (next[0] - before[0])) * (next[1] - before[1]) : undefined;
      return Math.max(pts[0]![1], ...inside, ...(atHorizon === undefined ? [] : [atHorizon]));
    }
  }
}

/** Hops of the longest path from each component, walking every connection once per path (a cycle through a queue counts once). */
function longestPaths(downstream: ReadonlyMap<string, readonly string[]>): (id: string) => number {
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    onPath.add(id);
    let longest = 0;
    for (const next of downstream.get(id) ?? []) if (!onPath.has(next)) longest = Math.max(longest, 1 + visit(next));
    onPath.delete(id);
    memo.set(id, longest);
    return longest;
  };
  return visit;
}
