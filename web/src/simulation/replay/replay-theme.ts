/**
 * The replay's colours, shared by what the canvas draws and what the legend shows, so the two can
 * never disagree. The card colour scale itself is in `heat-scale.ts`.
 */
export const REPLAY_COLOURS = {
  /** A crashed component: dark red whatever the colour mode, since "down" outranks any measurement. */
  down: '#7f1d1d',
  downTint: 'rgba(127, 29, 29, 0.26)',
  /** A card without a colour (a client when colouring by utilisation). */
  neutral: '#94a3b8',
  /** Connection flows: healthy, and by the error rate where they lead (amber ≥ 2 %, red ≥ 10 %). */
  flowOk: 'rgba(37, 99, 235, 0.30)',
  flowWarn: 'rgba(217, 119, 6, 0.45)',
  flowBad: 'rgba(220, 38, 38, 0.45)',
  /** Request dots. */
  dotOk: '#1d4ed8',
  dotFailed: '#dc2626',
  /** The outline round a fault's target. */
  faultOutline: '#dc2626',
  /** The replicas chip. */
  replicas: '#1e293b',
} as const;

/** How each breaker state's chip looks, indexed by the engine's state (0 closed, 1 half-open, 2 open). */
export const BREAKER_CHIPS = [
  { text: 'CB closed', fill: '#ffffff', border: '#cbd5e1', ink: '#475569' },
  { text: 'HALF-OPEN', fill: '#d97706', border: '#d97706', ink: '#ffffff' },
  { text: 'CB OPEN', fill: '#dc2626', border: '#dc2626', ink: '#ffffff' },
] as const;
