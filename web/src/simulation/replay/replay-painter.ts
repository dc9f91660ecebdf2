import type { DrawView } from '../../editor/canvas/draw-cards';
import { drawBadges } from './draw-badges';
import { drawFaultMarks } from './draw-fault-marks';
import { drawDots, drawFlows } from './draw-flows';
import { drawHealth } from './draw-health';
import { FrameState, HEAT_DOWN } from './frame-state';
import { heatPalette, type ColourMode, type HeatPalette } from './heat-scale';
import { dotTravelSec, EMPTY_TRACK, type DotTrack } from './request-dots';
import type { ReplaySeries } from './replay-series';
import type { ReplayScene } from './replay-scene';
import { REPLAY_COLOURS } from './replay-theme';

/**
 * Paints the replay layer for one instant: connection flows, request dots, card health, badges and
 * fault marks, in that order (so dots run under the cards and fault marks sit on top). Owns the
 * {@link FrameState}, recomputed only when the simulated time or the colour mode changed (a paused
 * replay repaints only to animate a fault's pulse). Paints nothing until it has the series.
 */
export class ReplayPainter {
  private state: FrameState | undefined;
  private readonly palette: HeatPalette = heatPalette();
  private colourMode: ColourMode = 'utilization';
  private dots: DotTrack = EMPTY_TRACK;
  private computedAt = Number.NaN;
  private computedMode: ColourMode | undefined;
  private lastDots = 0;

  constructor(readonly scene: ReplayScene) {}

  /** Whether the series have arrived. */
  get hasData(): boolean {
    return this.state !== undefined;
  }

  /** The series to paint, and the flows per connection and bucket derived from them (`connectionFlows`). */
  setData(series: ReplaySeries, flows: Float32Array): void {
    this.state = new FrameState(this.scene, series, flows);
    this.computedAt = Number.NaN;
  }

  get mode(): ColourMode {
    return this.colourMode;
  }

  set mode(mode: ColourMode) {
    this.colourMode = mode;
  }

  /** The sampled requests to animate (they arrive after the series). */
  set track(track: DotTrack) {
    this.dots = track;
  }

  get track(): DotTrack {
    return this.dots;
  }

  /** Dots drawn by the last frame. */
  get dotsDrawn(): number {
    return this.lastDots;
  }

  /** Whether a frame drawn later would differ even at the same simulated time (a fault pulses). */
  get animating(): boolean {
    return this.state?.anyFault === true;
  }

  /**
   * Paints the instant `t` (simulated seconds) into `ctx`, in world coordinates. `speed` sets how
   * long dots take to cross (see `dotTravelSec`); `wallMs` drives the fault pulse.
   */
  paint(ctx: CanvasRenderingContext2D, view: DrawView, t: number, speed: number, wallMs: number): void {
    const { state } = this;
    if (state === undefined) return;
    if (t !== this.computedAt || this.colourMode !== this.computedMode) {
      state.update(t, this.colourMode);
      this.computedAt = t;
      this.computedMode = this.colourMode;
    }
    drawFlows(ctx, this.scene, state, view);
    this.lastDots = drawDots(ctx, this.scene, this.dots, t, dotTravelSec(speed), view);
    drawHealth(ctx, this.scene, state, this.palette, view);
    drawBadges(ctx, this.scene, state, view);
    drawFaultMarks(ctx, this.scene, state, view, wallMs);
  }

  /**
   * The colour a component's card shows in the last frame painted (`#rrggbb`), for tests; undefined
   * for an unknown id or before the series arrived.
   */
  colourOf(componentId: string): string | undefined {
    const i = this.scene.cardIndex.get(componentId);
    if (i === undefined || this.state === undefined) return undefined;
    const heat = this.state.heat[i];
    return heat >= 0 ? this.palette.strong[heat] : heat === HEAT_DOWN ? REPLAY_COLOURS.down : REPLAY_COLOURS.neutral;
  }
}
