import type { ColourMode } from './heat-scale';
import type { ReplayPlayer } from './replay-player';

/**
 * What browser tests and `bench/web-replay.mjs` drive and read on the replay page.
 *
 * @example
 * await page.waitForFunction(() => window.__architechReplay?.frames() > 0);
 * await page.evaluate(() => window.__architechReplay.seek(95));
 * expect(await page.evaluate(() => window.__architechReplay.colourOf('db'))).toBe('#7f1d1d');
 */
export interface ReplayTestHook {
  play(): void;
  pause(): void;
  /** Jumps to a simulated time, seconds. */
  seek(sec: number): void;
  setSpeed(speed: number): void;
  setColourMode(mode: ColourMode): void;
  /** Replay frames painted so far. */
  frames(): number;
  /** `performance.now()` when the first replay frame was painted (ms since navigation), or null. */
  firstFrameAt(): number | null;
  /** The simulated time shown, seconds. */
  time(): number;
  playing(): boolean;
  /** The colour (`#rrggbb`) a component's card shows now; undefined for an unknown id. */
  colourOf(componentId: string): string | undefined;
  /** Request dots in the last frame. */
  dots(): number;
  /** Whether the sampled traces have arrived (dots can show). */
  tracesLoaded(): boolean;
  /** Ids of the connections that request or response dots cross, departing between two simulated times (s). */
  dotConnections(fromSec: number, toSec: number): string[];
}

declare global {
  interface Window {
    /** Set while a replay is mounted (see {@link installReplayTestHook}). */
    __architechReplay?: ReplayTestHook;
  }
}

/**
 * Publishes `window.__architechReplay` for `player`; returns the function that removes it again
 * (only if it is still this player's). Frame-accurate reads: `colourOf` reports the last frame
 * painted, so after a `seek` wait for the next animation frame before reading it.
 */
export function installReplayTestHook(player: ReplayPlayer, tracesLoaded: () => boolean): () => void {
  const hook: ReplayTestHook = {
    play: () => player.play(),
    pause: () => player.pause(),
    seek: (sec) => player.seek(sec),
    setSpeed: (speed) => player.setSpeed(speed),
    setColourMode: (mode) => player.setMode(mode),
    frames: () => player.frames,
    firstFrameAt: () => player.firstFrameAt ?? null,
    time: () => player.clock.timeSec,
    playing: () => player.clock.playing,
    colourOf: (id) => player.painter.colourOf(id),
    dots: () => player.painter.dotsDrawn,
    tracesLoaded,
    dotConnections: (fromSec, toSec) => {
      const { track, scene } = player.painter;
      const idOf = new Map([...scene.edges.byId].map(([id, index]) => [index, id]));
      const crossed = new Set<string>();
      for (let i = 0; i < track.count; i++) {
        if (track.departSec[i] >= fromSec && track.departSec[i] <= toSec) crossed.add(idOf.get(track.edge[i]) ?? String(track.edge[i]));
      }
      return [...crossed].sort();
    },
  };
  window.__architechReplay = hook;
  return () => {
    if (window.__architechReplay === hook) delete window.__architechReplay;
  };
}
