/**
 * Simulated seconds as a clock, `mm:ss` (`h:mm:ss` from an hour on), rounded down: the replay's
 * readout and the timeline's ticks.
 *
 * @example formatClock(205.9) === '03:25'
 */
export function formatClock(sec: number): string {
  const total = Number.isFinite(sec) && sec > 0 ? Math.floor(sec + 1e-6) : 0;
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * Simulated seconds in words, for screen readers (`aria-valuetext`).
 *
 * @example spokenTime(205) === '3 minutes 25 seconds'
 */
export function spokenTime(sec: number): string {
  const total = Number.isFinite(sec) && sec > 0 ? Math.floor(sec + 1e-6) : 0;
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (h > 0) parts.push(unit(h, 'hour'));
  if (m > 0) parts.push(unit(m, 'minute'));
  if (s > 0 || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(' ');
}

/** Tick spacings the timeline may use, simulated seconds. */
const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * Tick positions for a timeline of `durationSec`: the smallest round spacing giving at most
 * `maxTicks` intervals, from 0 up to the end.
 *
 * @example timeTicks(600, 10) → [0, 60, 120, …, 600]
 */
export function timeTicks(durationSec: number, maxTicks: number): number[] {
  if (!(durationSec > 0)) return [0];
  const step = TICK_STEPS.find((s) => durationSec / s <= maxTicks) ?? Math.ceil(durationSec / maxTicks);
  const ticks: number[] = [];
  for (let t = 0; t <= durationSec + 1e-9; t += step) ticks.push(t);
  return ticks;
}
