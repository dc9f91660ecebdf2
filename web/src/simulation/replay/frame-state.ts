import { formatNumber, formatPercent } from '../metric-format';
import { isActive } from './fault-windows';
import { ERROR_RATE_SCALE, HEAT_STEPS, heatIndex, UTILIZATION_SCALE, type ColourMode } from './heat-scale';
import { bucketAt, interpolateAt, type ReplayMetric, type ReplaySeries } from './replay-series';
import { IS_CLIENT, type ReplayScene } from './replay-scene';

/** {@link FrameState.heat} of a card that shows no colour (a client coloured by utilisation, or no data). */
export const HEAT_NEUTRAL = -1;
/** {@link FrameState.heat} of a component a crash fault has taken down. */
export const HEAT_DOWN = -2;

/**
 * What every card and connection shows at one simulated instant, in arrays allocated once and
 * overwritten each frame: computing a frame is a pass over the cards, the routes and the fault
 * windows, with no allocation except a card's label when the bucket it reports changes.
 */
export class FrameState {
  /** Palette index per card, or {@link HEAT_NEUTRAL} / {@link HEAT_DOWN}. */
  readonly heat: Int16Array;
  /** How full the card's bar is, 0–1. */
  readonly magnitude: Float32Array;
  readonly replicas: Uint16Array;
  readonly breaker: Uint8Array;
  /** Index of the first fault in effect on each card / route, −1 when none. */
  readonly cardFault: Int16Array;
  readonly routeFault: Int16Array;
  /** Requests per second over each route. */
  readonly routeRate: Float32Array;
  /** Error rate at each route's target, 0–1. */
  readonly routeErrorRate: Float32Array;
  /** The value pill under each card, rebuilt only when its bucket or the colour mode changes. */
  readonly labels: string[];
  /** Row of each card in the series (−1: the run reported nothing for it). */
  readonly cardRow: Int32Array;
  /** Series row of each route's target (its error rate tints the flow), −1 when unknown. */
  private readonly routeTargetRow: Int32Array;
  private readonly labelKey: Float64Array;
  private timeSec = 0;
  private faulted = false;

  constructor(
    private readonly scene: ReplayScene,
    private readonly series: ReplaySeries,
    /** Requests per second per connection and bucket (`connectionFlows`), rows by document index. */
    private readonly flows: Float32Array,
  ) {
    const cards = scene.cards.length;
    const routes = scene.routes.length;
    this.heat = new Int16Array(cards);
    this.magnitude = new Float32Array(cards);
    this.replicas = new Uint16Array(cards);
    this.breaker = new Uint8Array(cards);
    this.cardFault = new Int16Array(cards);
    this.routeFault = new Int16Array(routes);
    this.routeRate = new Float32Array(routes);
    this.routeErrorRate = new Float32Array(routes);
    this.labels = new Array<string>(cards).fill('');
    this.labelKey = new Float64Array(cards).fill(-1);
    this.cardRow = Int32Array.from(scene.cards, (card) => series.rowOf.get(card.id) ?? -1);
    this.routeTargetRow = Int32Array.from(scene.routes, (route) => series.rowOf.get(route.connection.target) ?? -1);
  }

  /** Whether `metric` was loaded (badges wait for theirs rather than show a default). */
  knows(metric: ReplayMetric): boolean {
    return this.series.loaded.has(metric);
  }

  /** Whether some fault is in effect on a card or a route at the last {@link update}. */
  get anyFault(): boolean {
    return this.faulted;
  }

  /** The simulated time of the last {@link update}. */
  get time(): number {
    return this.timeSec;
  }

  /** Recomputes everything for simulated time `t` and colour mode `mode`. */
  update(t: number, mode: ColourMode): void {
    this.timeSec = t;
    const { scene, series } = this;
    const { buckets, bucketSec } = series;
    const bucket = bucketAt(buckets, bucketSec, t);
    this.markFaults(t);
    const scale = mode === 'utilization' ? UTILIZATION_SCALE : ERROR_RATE_SCALE;
    for (let i = 0; i < scene.cards.length; i++) {
      const row = this.cardRow[i];
      if (row < 0) {
        this.heat[i] = HEAT_NEUTRAL;
        this.magnitude[i] = 0;
        continue;
      }
      const cell = row * buckets + bucket;
      this.replicas[i] = series.replicas[cell];
      this.breaker[i] = series.breakerState[cell];
      const fault = this.cardFault[i];
      const down = fault >= 0 && this.isWholeCrash(t, i);
      if (down) {
        this.heat[i] = HEAT_DOWN;
        this.magnitude[i] = 0;
      } else if (mode === 'utilization' && (scene.cardFlags[i] & IS_CLIENT) !== 0) {
        this.heat[i] = HEAT_NEUTRAL;
        this.magnitude[i] = 0;
      } else {
        const source = mode === 'utilization' ? series.utilization : series.errorRate;
        const value = interpolateAt(source, row, buckets, bucketSec, t);
        this.heat[i] = heatIndex(scale, value);
        this.magnitude[i] = Math.min(1, mode === 'utilization' ? value : this.heat[i] / (HEAT_STEPS - 1));
      }
      this.refreshLabel(i, cell, bucket, mode, down);
    }
    for (let r = 0; r < scene.routes.length; r++) {
      this.routeRate[r] = interpolateAt(this.flows, scene.routeFlowRow[r], buckets, bucketSec, t);
      const target = this.routeTargetRow[r];
      this.routeErrorRate[r] = target < 0 ? 0 : interpolateAt(series.errorRate, target, buckets, bucketSec, t);
    }
  }

  /** Whether a crash of the whole component (not of some replicas) holds card `card` down at `t`. */
  private isWholeCrash(t: number, card: number): boolean {
    const { faults, faultCard } = this.scene;
    for (let f = 0; f < faults.length; f++) {
      if (faultCard[f] === card && faults[f].type === 'crash' && faults[f].params.replicas === undefined && isActive(faults[f], t)) return true;
    }
    return false;
  }

  private markFaults(t: number): void {
    const { faults, faultCard, faultRoute } = this.scene;
    this.cardFault.fill(-1);
    this.routeFault.fill(-1);
    this.faulted = false;
    for (let f = 0; f < faults.length; f++) {
      if (!isActive(faults[f], t)) continue;
      this.faulted ||= faultCard[f] >= 0 || faultRoute[f] >= 0;
      if (faultCard[f] >= 0 && this.cardFault[faultCard[f]] < 0) this.cardFault[faultCard[f]] = f;
      if (faultRoute[f] >= 0 && this.routeFault[faultRoute[f]] < 0) this.routeFault[faultRoute[f]] = f;
    }
  }

  private refreshLabel(i: number, cell: number, bucket: number, mode: ColourMode, down: boolean): void {
    // One key per (bucket, mode, down): labels report the bucket's values, which change once a simulated second.
    const key = bucket * 4 + (mode === 'utilization' ? 0 : 1) + (down ? 2 : 0);
    if (this.labelKey[i] === key) return;
    this.labelKey[i] = key;
    const { series } = this;
    const rate = `${formatNumber(series.arrivalsPerSec[cell])}/s`;
    if (down) this.labels[i] = `DOWN · ${rate}`;
    else if ((this.scene.cardFlags[i] & IS_CLIENT) !== 0) this.labels[i] = mode === 'utilization' ? `${rate} sent` : `${formatPercent(series.errorRate[cell])} err · ${rate}`;
    else if (mode === 'utilization') this.labels[i] = `${formatPercent(series.utilization[cell])} · ${rate}`;
    else this.labels[i] = `${formatPercent(series.errorRate[cell])} err · ${rate}`;
  }
}
