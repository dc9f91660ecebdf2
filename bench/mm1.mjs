// M/M/1 at ρ = 0.9 for at least 10 million events: raw engine speed.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
// SIM_ENGINE_DIST loads another build of the engine (`npm run bench -- --baseline <ref>`).
const { simulate } = require(process.env.SIM_ENGINE_DIST ?? '../packages/sim-engine/dist/index.js');
const { resolveDesign, validateDesign } = require('../packages/contracts/dist/index.js');

const drawn = validateDesign({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 90 } } },
    { id: 'server', type: 'SERVICE', properties: { replicas: 1, workers: 1, serviceTime: { dist: 'exponential', mean: 10 } } },
  ],
  connections: [{ id: 'c1', source: 'users', target: 'server', properties: {} }],
});
if (!drawn.ok) throw new Error(JSON.stringify(drawn.issues));
// The engine takes a validated design with its defaults resolved, as every caller hands it over.
const design = resolveDesign(drawn.value);
const durationSec = Number(process.argv[2] ?? 60_000);
const config = { durationSec, warmupSec: 100, seed: 1, replications: 1, maxReplications: 50, faults: [], tracing: { sampleRate: 0.01, maxTraces: 1000, slowest: 20, maxLogs: 10000 } };
const result = simulate(design, config, { clock: () => performance.now() });
const s = result.summary.components.server;
console.log(JSON.stringify({
  bench: 'mm1-rho0.9',
  events: result.events,
  wallMs: Math.round(result.wallMs),
  eventsPerSec: Math.round(result.events / (result.wallMs / 1000)),
  requests: result.summary.endToEnd.requests,
  durationSec,
  // Every customer served over the whole run (as the C reference counts them), per wall second.
  customersPerSec: Math.round(result.timeseries.components.server.completions.reduce((a, b) => a + b, 0) / (result.wallMs / 1000)),
  meanResponseMs: +s.latency.mean.toFixed(2),
  theoryMeanResponseMs: 100,
  utilization: +s.utilization.toFixed(4),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
