/** The playback speeds offered, simulated seconds per wall-clock second. */
export const PLAYBACK_SPEEDS = [0.25, 1, 2, 5, 10, 30, 60] as const;

/**
 * A wall-clock frame longer than this (a background tab, a debugger pause) advances the replay by
 * this much only, so coming back does not leap minutes ahead.
 */
const MAX_FRAME_MS = 250;

/**
 * Simulated time during playback: where the replay is, whether it plays, and how fast. The frame
 * loop feeds it wall-clock deltas; it holds no timer and reads no clock, so it is tested with
 * plain numbers.
 *
 * @example
 * const clock = new PlaybackClock(600);
 * clock.play(); clock.tick(16.7); // timeSec ≈ 0.0167 at 1×
 */
export class PlaybackClock {
  private time = 0;
  private running = false;
  private rate = 1;

  constructor(readonly durationSec: number) {}

  /** Simulated seconds, 0 … {@link durationSec}. */
  get timeSec(): number {
    return this.time;
  }

  get playing(): boolean {
    return this.running;
  }

  get speed(): number {
    return this.rate;
  }

  /** Starts playing; from the beginning when the end was reached. */
  play(): void {
    if (this.time >= this.durationSec) this.time = 0;
    this.running = true;
  }

  pause(): void {
    this.running = false;
  }

  /** Sets the speed (simulated seconds per wall-clock second), positive. */
  setSpeed(speed: number): void {
    if (speed > 0 && Number.isFinite(speed)) this.rate = speed;
  }

  /** Jumps to `sec`, clamped to the run. */
  seek(sec: number): void {
    this.time = Math.min(this.durationSec, Math.max(0, Number.isFinite(sec) ? sec : 0));
  }

  /**
   * Advances by a wall-clock delta while playing; pauses at the end of the run. Returns whether the
   * time moved.
   */
  tick(wallMs: number): boolean {
    if (!this.running || !(wallMs > 0)) return false;
    const before = this.time;
    this.time = Math.min(this.durationSec, this.time + (Math.min(wallMs, MAX_FRAME_MS) / 1000) * this.rate);
    if (this.time >= this.durationSec) this.running = false;
    return this.time !== before;
  }
}
