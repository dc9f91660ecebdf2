import type { ColourMode } from './heat-scale';
import { PlaybackClock } from './playback-clock';
import type { DotTrack } from './request-dots';
import { ReplayPainter } from './replay-painter';
import type { ReplayScene } from './replay-scene';
import type { ReplaySeries } from './replay-series';
import { ReplayStage } from './replay-stage';

/** How often, at most, playback moves the shared time (the URL's `t`, the dashboards' cursor). */
const PUBLISH_MS = 250;
/** Paused, a fault's pulse repaints at most this often: smooth enough, and a paused tab stays cheap. */
const IDLE_PULSE_MS = 50;

/** What the controls render from; a new object only when one of them changes. */
export interface PlayerSnapshot {
  readonly playing: boolean;
  readonly speed: number;
  readonly mode: ColourMode;
}

/** What the player is built from. */
export interface PlayerOptions {
  /** The Konva container. */
  readonly host: HTMLDivElement;
  readonly scene: ReplayScene;
  readonly durationSec: number;
  /** Moves the shared simulated time (called at most every {@link PUBLISH_MS} while playing). */
  readonly publish: (t: number) => void;
}

/**
 * The replay's frame loop. Owns the clock, the stage and the painter; each animation frame advances
 * the clock by the wall-clock delta, repaints the replay layer only (the design layer keeps its
 * pixels) and tells the frame listeners — the scrubber and the time readout, which update their DOM
 * directly — so playing never re-renders React. The loop sleeps when paused, unless a fault mark
 * is pulsing.
 */
export class ReplayPlayer {
  readonly clock: PlaybackClock;
  readonly stage: ReplayStage;
  readonly painter: ReplayPainter;
  private raf = 0;
  private lastWall = 0;
  private wallMs = 0;
  /** Something other than the pulse changed since the last frame (time, mode, data, size). */
  private invalidated = true;
  private lastPublishWall = Number.NEGATIVE_INFINITY;
  private lastPublished: number | undefined;
  /**
   * The last few times published: the shared time may come back a render late, after a newer one
   * was published, and must not then pull the replay back.
   */
  private readonly recent = new Float64Array(4).fill(Number.NaN);
  private recentNext = 0;
  private framesDrawn = 0;
  private firstFrame: number | undefined;
  private snapshot: PlayerSnapshot;
  private readonly frameListeners = new Set<(t: number) => void>();
  private readonly stateListeners = new Set<() => void>();

  constructor(private readonly options: PlayerOptions) {
    this.clock = new PlaybackClock(options.durationSec);
    this.painter = new ReplayPainter(options.scene);
    this.stage = new ReplayStage(options.host, options.scene, (ctx, view) => this.painter.paint(ctx, view, this.clock.timeSec, this.clock.speed, this.wallMs));
    this.snapshot = { playing: false, speed: this.clock.speed, mode: this.painter.mode };
  }

  /** Frames painted with the series since the player was made. */
  get frames(): number {
    return this.framesDrawn;
  }

  /** `performance.now()` of the first frame painted with the series (milliseconds since navigation), once there was one. */
  get firstFrameAt(): number | undefined {
    return this.firstFrame;
  }

  play(): void {
    this.clock.play();
    this.lastWall = 0;
    this.changed();
    this.request();
  }

  pause(): void {
    this.clock.pause();
    this.publishNow();
    this.changed();
    this.request();
  }

  toggle(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.changed();
    this.request();
  }

  setMode(mode: ColourMode): void {
    this.painter.mode = mode;
    this.changed();
    this.request();
  }

  /** Jumps to `sec` (simulated seconds) and shares it at once. */
  seek(sec: number): void {
    this.clock.seek(sec);
    this.publishNow();
    this.request();
  }

  /** Moves by `deltaSec` from where the replay is. */
  step(deltaSec: number): void {
    this.seek(this.clock.timeSec + deltaSec);
  }

  /**
   * The shared time changed elsewhere (a dashboard cursor, the address bar): go there, unless it is
   * the echo of what this player published.
   */
  follow(t: number): void {
    for (const sent of this.recent) if (Math.abs(t - sent) < 5e-4) return;
    this.clock.seek(t);
    this.request();
  }

  /** The series arrived: frames show them from now on. */
  setData(series: ReplaySeries, flows: Float32Array): void {
    this.painter.setData(series, flows);
    this.request();
  }

  /** The sampled requests to animate. */
  setTrack(track: DotTrack): void {
    this.painter.track = track;
    this.request();
  }

  /** Calls `listener` with the simulated time after every frame. Returns the unsubscribe function. */
  onFrame(listener: (t: number) => void): () => void {
    this.frameListeners.add(listener);
    listener(this.clock.timeSec);
    return () => this.frameListeners.delete(listener);
  }

  /** For `useSyncExternalStore`: play state, speed and colour mode. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  readonly getSnapshot = (): PlayerSnapshot => this.snapshot;

  /** Schedules a frame (one at most is pending) to show a change. */
  request(): void {
    this.invalidated = true;
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.frameListeners.clear();
    this.stateListeners.clear();
    this.stage.destroy();
  }

  private schedule(): void {
    if (this.raf === 0) this.raf = requestAnimationFrame(this.frame);
  }

  private readonly frame = (wallMs: number): void => {
    this.raf = 0;
    if (!this.clock.playing && !this.invalidated && wallMs - this.wallMs < IDLE_PULSE_MS) {
      this.schedule();
      return;
    }
    this.invalidated = false;
    const wasPlaying = this.clock.playing;
    this.clock.tick(this.lastWall === 0 ? 0 : wallMs - this.lastWall);
    this.lastWall = wallMs;
    this.wallMs = wallMs;
    this.stage.drawReplay();
    if (this.painter.hasData) {
      this.framesDrawn++;
      this.firstFrame ??= performance.now();
    }
    const t = this.clock.timeSec;
    for (const listener of this.frameListeners) listener(t);
    if (this.clock.playing) {
      if (wallMs - this.lastPublishWall >= PUBLISH_MS) {
        this.lastPublishWall = wallMs;
        this.publishNow();
      }
      this.schedule();
      return;
    }
    if (wasPlaying) {
      // The run's end was reached.
      this.publishNow();
      this.changed();
    }
    this.lastWall = 0;
    if (this.painter.animating) this.schedule();
  };

  private publishNow(): void {
    const t = Math.round(this.clock.timeSec * 1000) / 1000;
    if (t === this.lastPublished) return;
    this.lastPublished = t;
    this.recent[this.recentNext] = t;
    this.recentNext = (this.recentNext + 1) % this.recent.length;
    this.options.publish(t);
  }

  private changed(): void {
    const { playing, speed } = this.clock;
    const mode = this.painter.mode;
    const s = this.snapshot;
    if (s.playing === playing && s.speed === speed && s.mode === mode) return;
    this.snapshot = { playing, speed, mode };
    for (const listener of this.stateListeners) listener();
  }
}
