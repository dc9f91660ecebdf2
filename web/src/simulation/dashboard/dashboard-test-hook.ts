/**
 * What browser tests and `bench/web-replay.mjs` read on the dashboard (test-hooks build only):
 * when the charts last drew data they had just been given.
 *
 * @example
 * await page.waitForFunction(() => window.__architechDashboard?.dataDrawnAt() !== null);
 */
export interface DashboardTestHook {
  /** `performance.now()` (ms since navigation) of the last chart draw that showed new data, or null before any. */
  dataDrawnAt(): number | null;
}

declare global {
  interface Window {
    /** Set once a dashboard chart has drawn data (see {@link noteDataDrawn}). */
    __architechDashboard?: DashboardTestHook;
  }
}

let lastDataDrawAt: number | null = null;

/** Called by a chart when it has drawn data it was just given; publishes the hook on first use. */
export function noteDataDrawn(): void {
  lastDataDrawAt = performance.now();
  window.__architechDashboard ??= { dataDrawnAt: () => lastDataDrawAt };
}
