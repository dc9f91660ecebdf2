/**
 * What browser tests and `bench/web-replay.mjs` read on the dashboard (test-hooks build only):
 * when the charts were first built and when they last drew data they had just been given.
 *
 * @example
 * await page.waitForFunction(() => window.__architechDashboard?.dataDrawnAt() !== null);
 */
export interface DashboardTestHook {
  /** `performance.now()` (ms since navigation) of the last chart draw that showed new data, or null before any. */
  dataDrawnAt(): number | null;
  /** `performance.now()` when the first chart was built, or null before any. */
  chartsBuiltAt(): number | null;
}

declare global {
  interface Window {
    /** Set once a dashboard chart has been built (see {@link noteChartBuilt}). */
    __architechDashboard?: DashboardTestHook;
  }
}

let lastDataDrawAt: number | null = null;
let firstChartBuiltAt: number | null = null;

function publish(): void {
  window.__architechDashboard ??= { dataDrawnAt: () => lastDataDrawAt, chartsBuiltAt: () => firstChartBuiltAt };
}

/** Called by a chart when it has drawn data it was just given. */
export function noteDataDrawn(): void {
  lastDataDrawAt = performance.now();
  publish();
}

/** Called by a chart when it has been built. */
export function noteChartBuilt(): void {
  firstChartBuiltAt ??= performance.now();
  publish();
}
