import { useEffect } from 'react';
import type { ReplayPlayer } from './replay-player';

/** What Shift+arrow steps, simulated seconds. */
const BIG_STEP_SEC = 10;

/**
 * The replay's keys, active while the replay is mounted: Space plays or pauses, ← and → step one
 * second (ten with Shift) — the scrubber included, so its steps are the same. Keys typed into a text
 * field or a select are left alone, and Space on a focused button keeps clicking that button.
 */
export function useReplayKeyboard(player: ReplayPlayer | undefined): void {
  useEffect(() => {
    if (player === undefined) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      const tag = target?.tagName;
      if (tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true) return;
      if (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range') return;
      if (event.code === 'Space') {
        if (tag === 'BUTTON' || tag === 'A' || event.repeat) return;
        event.preventDefault();
        player.toggle();
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        player.step((event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? BIG_STEP_SEC : 1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);
}
