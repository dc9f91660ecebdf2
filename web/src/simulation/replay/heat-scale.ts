/** What a card's colour shows. */
export type ColourMode = 'utilization' | 'errorRate';

/** A colour scale: values at which the green, amber and red stops sit. */
export interface HeatScale {
  readonly mode: ColourMode;
  /** Values of the three stops, increasing: green at the first, amber at the second, red from the third on. */
  readonly stops: readonly [number, number, number];
  /** How the legend writes the stops. */
  readonly ticks: readonly [string, string, string];
}

/** Utilisation: amber from 70 % (queues start to grow quickly), red when saturated. */
export const UTILIZATION_SCALE: HeatScale = { mode: 'utilization', stops: [0, 0.7, 1], ticks: ['0 %', '70 %', '≥ 100 %'] };

/** Error rate: amber at 2 % (an SLO is usually already burning), red from 10 %. */
export const ERROR_RATE_SCALE: HeatScale = { mode: 'errorRate', stops: [0, 0.02, 0.1], ticks: ['0 %', '2 %', '≥ 10 %'] };

/** The colours of the scale's stops: green, amber, red (the canvas's ok/warning/danger family). */
export const STOP_COLOURS: readonly [RGB, RGB, RGB] = [
  [22, 163, 74],
  [245, 158, 11],
  [220, 38, 38],
];

/** Steps of the precomputed palette: fine enough that an interpolated value never visibly jumps. */
export const HEAT_STEPS = 64;

type RGB = readonly [number, number, number];

/**
 * Where `value` falls on the scale, as a palette index 0…{@link HEAT_STEPS}−1: the stretch between
 * green and amber takes the first half, amber to red the second, so a scale with uneven stops (2 %
 * and 10 %) still spends half its colours on the values that matter.
 */
export function heatIndex(scale: HeatScale, value: number): number {
  const [low, mid, high] = scale.stops;
  let position: number;
  if (!(value > low)) position = 0;
  else if (value < mid) position = (0.5 * (value - low)) / (mid - low);
  else if (value < high) position = 0.5 + (0.5 * (value - mid)) / (high - mid);
  else position = 1;
  return Math.round(position * (HEAT_STEPS - 1));
}

/** The palette of a scale as CSS colours, built once, so a frame picks a string instead of formatting one. */
export interface HeatPalette {
  /** Strong colours (`#rrggbb`): borders, bars, what `colourOf` reports. */
  readonly strong: readonly string[];
  /** The same at low opacity, laid over a white card as its tint. */
  readonly tint: readonly string[];
}

/** Opacity of a card's tint: enough to read as a colour, little enough to keep the text crisp. */
const TINT_ALPHA = 0.16;

/** The {@link HEAT_STEPS}-colour palette green → amber → red. */
export function heatPalette(): HeatPalette {
  const strong: string[] = [];
  const tint: string[] = [];
  for (let i = 0; i < HEAT_STEPS; i++) {
    const rgb = colourAt(i / (HEAT_STEPS - 1));
    strong.push(hex(rgb));
    tint.push(`rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${TINT_ALPHA})`);
  }
  return { strong, tint };
}

/** A CSS linear gradient of the palette, for the legend. */
export function heatGradientCss(): string {
  return `linear-gradient(to right, ${STOP_COLOURS.map(hex).join(', ')})`;
}

function colourAt(position: number): RGB {
  const [a, b] = position <= 0.5 ? [STOP_COLOURS[0], STOP_COLOURS[1]] : [STOP_COLOURS[1], STOP_COLOURS[2]];
  const f = position <= 0.5 ? position * 2 : (position - 0.5) * 2;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

function hex(rgb: RGB): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
