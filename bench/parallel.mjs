// 8 replications of the 20-component design with its crash fault: sequential, then on a pool of
// engine threads (as `architech simulate --threads N` and the simulations service run them).
// Prints both wall times, the speed-up and whether the results are bit-identical.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
const require = createRequire(import.meta.url);
const engine = require('../packages/sim-engine/dist/index.js');
const { validateDesign, validateSimulationConfig } = require('../packages/contracts/dist/index.js');

const threads = Number(process.argv[2] ?? availableParallelism());
const design = validateDesign(JSON.parse(readFileSync(new URL('./microservices-20.json', import.meta.url), 'utf8')));
if (!design.ok) throw new Error(JSON.stringify(design.issues));
const config = validateSimulationConfig({ durationSec: 200, warmupSec: 10, seed: 7, replications: 8, faults: [{ type: 'crash', target: 'inventory-db', startSec: 300, durationSec: 60 }] }, design.value);
if (!config.ok) throw new Error(JSON.stringify(config.issues));

const workerSource = `const { parentPort } = require('node:worker_threads');
const { serveReplications, nodeEnginePort } = require(${JSON.stringify(require.resolve('../packages/sim-engine/dist/index.js'))});
serveReplications(nodeEnginePort(parentPort));`;

let t = performance.now();
const sequential = engine.simulate(design.value, config.value);
const sequentialMs = performance.now() - t;
const pool = new engine.ReplicationPool(threads, () => engine.nodeEnginePort(new Worker(workerSource, { eval: true })));
t = performance.now();
const parallel = await engine.simulateParallel(design.value, config.value, {}, pool);
const parallelMs = performance.now() - t;
pool.close();
console.log(JSON.stringify({
  bench: 'replications-in-parallel',
  replications: 8,
  threads,
  events: sequential.events,
  sequentialMs: Math.round(sequentialMs),
  parallelMs: Math.round(parallelMs),
  speedUp: +(sequentialMs / parallelMs).toFixed(2),
  identical: JSON.stringify({ ...parallel, wallMs: 0 }) === JSON.stringify({ ...sequential, wallMs: 0 }),
}));
