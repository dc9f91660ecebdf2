import type { SimulationProgress } from '@architech/sim-engine';
import type { TerminalStream } from '../io';
import { formatCount, formatFixed } from './numbers';

const BAR_WIDTH = 20;
/** Carriage return, then erase to the end of the line: the next draw replaces this one in place. */
const RETURN_AND_ERASE = '\r\x1b[K';

/**
 * One line of progress, at most `columns - 1` characters so that the terminal never wraps it
 * (a wrapped line can no longer be overwritten with a carriage return).
 *
 * @example renderProgressLine({ fraction: 0.5, replication: 0, replications: 2, simTimeMs: 30000, events: 1234 }, 80)
 * // 'simulating [██████████░░░░░░░░░░]  50%  run 1/2  t=30.0 s  1,234 events'
 */
export function renderProgressLine(progress: SimulationProgress, columns: number): string {
  const fraction = Math.min(1, Math.max(0, progress.fraction));
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const line =
    `simulating [${bar}] ${percent}  run ${progress.replication + 1}/${progress.replications}` +
    `  t=${formatFixed(progress.simTimeMs / 1000, 1)} s  ${formatCount(progress.events)} events`;
  return line.slice(0, Math.max(0, columns - 1));
}

/** Draws progress in place on a terminal and erases it before the result is printed. */
export class ProgressBar {
  private drawn = false;

  constructor(private readonly stream: TerminalStream) {}

  draw(progress: SimulationProgress): void {
    // A terminal that reports no size (0 or undefined, e.g. under `script`) gets the classic 80.
    this.stream.write(RETURN_AND_ERASE + renderProgressLine(progress, this.stream.columns || 80));
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write(RETURN_AND_ERASE);
    this.drawn = false;
  }
}
