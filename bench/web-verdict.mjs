/* global window, document, requestAnimationFrame -- the functions passed to page.evaluate and addInitScript run in the browser. */
// `npm run build --silent && node bench/web-verdict.mjs`: how soon a run's verdict and summary are on
// screen after its engines finish (issue 21 item 3). The run page of a 3-replication run of the
// 50-component design (with a steady-state hypothesis) is opened in headless Chromium while the run
// is still pending; the page records, on its own clock, when the progress bar first shows 100 %
// (every replication's engine has finished) and when the verdict (PASS/FAIL) and the headline
// numbers appear. Also printed: the server's `finishedAt` (the run turned COMPLETED) on the same
// clock. BENCH_DATABASE_URL runs it on PostgreSQL instead of embedded PGlite; BENCH_ROUNDS (default 3)
// runs; BENCH_VERDICT_SEC (default 600) simulated seconds per replication. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayDesign } from './support/fifty-components.mjs';
import { accountWithDesign, call, freePort, launchChromium, startLauncher } from './support/web-bench.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_SEC = Number(process.env.BENCH_VERDICT_SEC ?? 600);
const REPLICATIONS = 3;

/** Installed before the page's own code: watches the DOM every animation frame and notes first sightings (page clock, ms). */
function watchPage() {
  const seen = {};
  window.__verdictBench = seen;
  const note = (name, present) => {
    if (present && seen[name] === undefined) seen[name] = performance.now();
  };
  const tick = () => {
    const bar = document.querySelector('[role="progressbar"][aria-label="Simulation progress"]');
    note('progressShown', bar !== null);
    note('progress100', bar !== null && Number(bar.getAttribute('aria-valuenow')) >= 100);
    note('verdict', document.querySelector('[data-testid="hypothesis-verdict"]') !== null);
    note('summary', document.querySelector('section[aria-label="End-to-end results"]') !== null);
    if (seen.verdict === undefined || seen.summary === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const dataDir = mkdtempSync(join(tmpdir(), 'architech-bench-verdict-'));
const port = await freePort();
const stop = await startLauncher({ DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', DATA_DIR: dataDir, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1' });
const url = `http://127.0.0.1:${port}`;
let browser;
try {
  const { token, project, design, session } = await accountWithDesign(url, 'Bench verdict', replayDesign());
  browser = await launchChromium();
  const rows = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript((s) => localStorage.setItem('architech.session', s), JSON.stringify(session));
    await page.addInitScript(watchPage);
    const config = { durationSec: DURATION_SEC, warmupSec: 30, seed: 100 + round, replications: REPLICATIONS, hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: 5000 }] };
    const sim = await call(url, 'POST', `/api/designs/${design.id}/simulations`, config, token);
    await page.goto(`${url}/projects/${project.id}/simulations/${sim.id}`);
    await page.waitForFunction(() => window.__verdictBench.verdict !== undefined && window.__verdictBench.summary !== undefined, null, { timeout: 300_000, polling: 100 });
    const seen = await page.evaluate(() => ({ ...window.__verdictBench, origin: performance.timeOrigin }));
    const badge = await page.textContent('[data-testid="hypothesis-verdict"] .verdict-badge');
    const done = await call(url, 'GET', `/api/simulations/${sim.id}`, null, token);
    const finishedInPage = Date.parse(done.finishedAt) - seen.origin;
    const ms = (v) => (v === undefined ? null : Math.round(v));
    rows.push({
      round: round + 1,
      status: done.status,
      verdict: badge,
      progress100Ms: ms(seen.progress100),
      finishedAtMs: ms(finishedInPage),
      verdictMs: ms(seen.verdict),
      summaryMs: ms(seen.summary),
      'verdict − 100 %': ms(seen.verdict - seen.progress100),
      'summary − 100 %': ms(seen.summary - seen.progress100),
      'verdict − finishedAt': ms(seen.verdict - finishedInPage),
    });
    await page.close();
  }
  console.log(`\nVerdict after the engines: ${REPLICATIONS} replications × ${DURATION_SEC} simulated s of the 50-component design, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}; page clock, ms since navigation (the page opened while the run was pending)`);
  console.table(rows);
  console.log('(progress100Ms: the progress bar first showed 100 % — every replication\'s engine had finished; finishedAtMs: the server marked the run COMPLETED; verdictMs / summaryMs: the PASS/FAIL verdict / the headline numbers first on screen. Target: verdict and summary < 1,000 ms after 100 %.)');
} finally {
  await browser?.close();
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}
