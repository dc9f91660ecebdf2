// 1M requests through a 20-component microservice design with retries, a breaker and a crash fault.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
// SIM_ENGINE_DIST loads another build of the engine (`npm run bench -- --baseline <ref>`).
const { simulate } = require(process.env.SIM_ENGINE_DIST ?? '../packages/sim-engine/dist/index.js');
const { resolveDesign, validateDesign, validateSimulationConfig } = require('../packages/contracts/dist/index.js');

const design = validateDesign(JSON.parse(readFileSync(new URL(`./${process.argv[2] ?? 'microservices-20.json'}`, import.meta.url), 'utf8')));
if (!design.ok) throw new Error(JSON.stringify(design.issues));
const ratePerSec = design.value.components.find((c) => c.type === 'CLIENT').properties.arrival.ratePerSec;
const durationSec = Math.ceil(1_000_000 / ratePerSec);
const config = validateSimulationConfig({
  durationSec,
  warmupSec: 10,
  seed: 7,
  faults: [{ type: 'crash', target: 'inventory-db', startSec: 300, durationSec: 60 }],
}, design.value);
if (!config.ok) throw new Error(JSON.stringify(config.issues));
const result = simulate(resolveDesign(design.value), config.value, { clock: () => performance.now() });
const e = result.summary.endToEnd;
console.log(JSON.stringify({
  bench: process.argv[2] ?? 'microservices-20.json',
  components: design.value.components.length,
  requests: e.requests,
  events: result.events,
  wallMs: Math.round(result.wallMs),
  eventsPerSec: Math.round(result.events / (result.wallMs / 1000)),
  errorRate: +e.errorRate.toFixed(4),
  p99Ms: +e.latency.p99.toFixed(1),
  breakerRejections: result.summary.components['inventory-db'].rejected,
  traces: result.traces.length,
  logs: result.logs.length,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
