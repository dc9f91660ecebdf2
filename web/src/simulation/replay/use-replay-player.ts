import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ReplayModel } from './load-replay';
import { ReplayPlayer } from './replay-player';

/**
 * Creates the {@link ReplayPlayer} for a loaded design inside `host` (which must be mounted), sizes
 * its stage with the host, and destroys it when the replay or the host goes; the series are given
 * to it later (`setData`). `publish` may change
 * between renders; the player always calls the latest. The player starts at `startSec`.
 */
export function useReplayPlayer(replay: ReplayModel | undefined, host: RefObject<HTMLDivElement | null>, publish: (t: number) => void, startSec: number | undefined): ReplayPlayer | undefined {
  const [player, setPlayer] = useState<ReplayPlayer>();
  const publishRef = useRef(publish);
  const startRef = useRef(startSec);
  useLayoutEffect(() => {
    publishRef.current = publish;
    startRef.current = startSec;
  });

  useEffect(() => {
    const element = host.current;
    if (replay === undefined || element === null) return;
    const created = new ReplayPlayer({
      host: element,
      scene: replay.scene,
      durationSec: replay.durationSec,
      publish: (t) => publishRef.current(t),
    });
    created.clock.seek(startRef.current ?? 0);
    const resize = () => {
      created.stage.resize({ width: element.clientWidth, height: element.clientHeight });
      created.request();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    setPlayer(created);
    return () => {
      observer.disconnect();
      created.destroy();
      setPlayer(undefined);
    };
  }, [replay, host]);

  return player;
}
