// `npm run bench:refine`: the refine loop on the shipped examples made deliberately
// under-provisioned (every station cut to 1 replica and half its workers). The goal is the original
// design's own steady state: p99 at most 1.5× (then 1×) what the original measures, error rate below 1% (or the
// original's + 1 point). Prints iterations, the capacity chosen and the analytic minimum (ρ < 1).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hypothesisGoal, validateDesign } from '@architech/contracts';
import { designCapacity, refineDesign, simulate } from '@architech/sim-engine';

const examples = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'examples');
const run = { seed: 1, durationSec: 60, warmupSec: 10, replications: 2 };
const config = { ...run, maxReplications: 2, faults: [], tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 } };
const isStation = (c) => ['SERVICE', 'DATABASE', 'CACHE'].includes(c.type);

function underProvision(design) {
  return {
    ...design,
    components: design.components.map((c) => {
      if (!isStation(c)) return c;
      // Autoscaling would hide the cut: the station keeps exactly what is left.
      const rest = { ...c.properties };
      delete rest.autoscaling;
      return { ...c, properties: { ...rest, replicas: 1, workers: Math.max(1, Math.floor(c.properties.workers / 2)) } };
    }),
  };
}

console.log('example                    | capacity orig → cut → chosen | analytic min | iterations | state    | goal');
for (const file of readdirSync(examples).filter((f) => f.endsWith('.json')).sort()) {
  const outcome = validateDesign(JSON.parse(readFileSync(join(examples, file), 'utf8')));
  if (!outcome.ok) continue;
  const original = outcome.value;
  const e = simulate(original, config).summary.endToEnd;
  for (const factor of [1.5, 1]) {
  const goal = [
    { metric: 'latencyP99Ms', op: '<', value: +(factor * e.latency.p99).toFixed(1) },
    { metric: 'errorRate', op: '<', value: +Math.max(0.01, e.errorRate + 0.01).toFixed(4) },
  ];
  const cut = underProvision(original);
  const started = performance.now();
  const result = refineDesign(cut, hypothesisGoal(goal), { run });
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${file.padEnd(26)} | ${String(designCapacity(original)).padStart(4)} → ${String(result.capacity.before).padStart(3)} → ${String(result.capacity.after).padStart(4)}        | ${String(result.capacity.analyticMinimum).padStart(12)} | ${String(result.iterations).padStart(10)} | ${(result.state + (result.reason ? `/${result.reason}` : '')).padEnd(8)} | ${result.goal} (${wall} s)`,
  );
  }
}
