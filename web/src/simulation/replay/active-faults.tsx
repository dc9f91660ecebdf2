import { useEffect, useState } from 'react';
import { FAULT_COLOURS, isActive, type FaultWindow } from './fault-windows';
import type { ReplayPlayer } from './replay-player';

/**
 * The faults in effect at the current simulated time, as pills in the canvas's top-left corner,
 * announced politely to screen readers as they start and end. Re-renders only when the set of
 * faults in effect changes, not per frame.
 */
export function ActiveFaults({ player, faults, nameOf }: { player: ReplayPlayer; faults: readonly FaultWindow[]; nameOf: (id: string) => string }) {
  const [active, setActive] = useState<readonly number[]>([]);

  useEffect(() => {
    if (faults.length === 0) return;
    // The set in effect as a bit mask (exact in a double up to 53 faults, far above the limit of a run).
    let mask = -1;
    return player.onFrame((t) => {
      let next = 0;
      for (let i = 0; i < faults.length; i++) if (isActive(faults[i]!, t)) next += 2 ** i;
      if (next === mask) return;
      mask = next;
      setActive(faults.flatMap((f, i) => (isActive(f, t) ? [i] : [])));
    });
  }, [player, faults]);

  return (
    <div className="replay-faults" aria-live="polite">
      {active.map((i) => {
        const f = faults[i]!;
        return (
          <span key={i} className="replay-faults__item" style={{ background: FAULT_COLOURS[f.type] }}>
            {f.label} · {nameOf(f.target)}
          </span>
        );
      })}
    </div>
  );
}
