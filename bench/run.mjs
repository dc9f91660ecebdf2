// `npm run bench`: each benchmark in its own Node process (so peak RSS is its own), figures printed.
// `npm run bench -- --baseline <git-ref>` also builds the engine of <ref> in a temporary worktree and
// runs M/M/1 and the 20-component design alternately on both builds, printing the ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const run = (file, args = [], env = {}) =>
  JSON.parse(execFileSync(process.execPath, [here + file, ...args], { encoding: 'utf8', env: { ...process.env, ...env } }).trim().split('\n').pop());

const baselineAt = process.argv.indexOf('--baseline');
const baselineRef = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
if (baselineAt > 0 && !baselineRef) {
  console.error('bench: --baseline needs a git ref, e.g. --baseline HEAD~3');
  process.exit(2);
}

console.log(`Architech engine benchmarks — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core each\n`);
// The faster of two runs, as for the references below: a run's JIT decisions vary by ±20 % here.
const mm1 = fastest(() => run('mm1.mjs'));
const reference = runReference(mm1);
console.log('M/M/1, ρ = 0.9 (target ≥ 10M events/s)');
console.log(`  events            ${mm1.events.toLocaleString('en-US')}`);
console.log(`  wall time         ${(mm1.wallMs / 1000).toFixed(2)} s`);
console.log(`  events/s          ${mm1.eventsPerSec.toLocaleString('en-US')}`);
console.log(`  mean response     ${mm1.meanResponseMs} ms (theory ${mm1.theoryMeanResponseMs} ms)`);
console.log(`  peak RSS          ${mm1.peakRssMB} MB`);
if (reference) {
  const ratio = mm1.customersPerSec / reference.customersPerSec;
  console.log(`  customers/s       ${mm1.customersPerSec.toLocaleString('en-US')} vs ${reference.customersPerSec.toLocaleString('en-US')} for the C reference event loop (bench/reference/mm1.c, gcc -O2)`);
  console.log(`  ratio to C        ${ratio.toFixed(3)} (target ≥ 0.333)`);
  // Floors under that ratio (bench/reference/mm1.mjs): the C loop in JavaScript, the same with the
  // engine's statistics recorded, and the model on the engine's scheduler; each as a ratio to C.
  const floors = [
    ['the C loop in JavaScript', []],
    ['  + the engine\'s statistics', ['--statistics']],
    ['on the engine\'s scheduler', ['--engine-scheduler']],
  ];
  console.log('  JavaScript floors, customers/s and ratio to C (no component, call or trace code):');
  for (const [label, flags] of floors) {
    const floor = fastest(() => run('reference/mm1.mjs', [String(mm1.durationSec), '100', ...flags]));
    console.log(`    ${label.padEnd(30)} ${floor.customersPerSec.toLocaleString('en-US').padStart(12)}  ${(floor.customersPerSec / reference.customersPerSec).toFixed(3)}`);
  }
  console.log('');
} else {
  console.log('  ratio to C        not measured: gcc is not on this machine\n');
}
for (const file of ['microservices-20.json', 'microservices-20-fanout.json']) {
  const ms = run('microservices.mjs', [file]);
  console.log(`1M requests, ${ms.components}-component microservices${file.includes('fanout') ? ' with fan-out (stages, a 30 % optional call)' : ''}, retries, a breaker and a crash fault (target < 5 s, < 300 MB) — ${file}`);
  console.log(`  requests          ${ms.requests.toLocaleString('en-US')}`);
  console.log(`  events            ${ms.events.toLocaleString('en-US')}`);
  console.log(`  wall time         ${(ms.wallMs / 1000).toFixed(2)} s`);
  console.log(`  events/s          ${ms.eventsPerSec.toLocaleString('en-US')}`);
  console.log(`  peak RSS          ${ms.peakRssMB} MB`);
  console.log(`  error rate        ${(ms.errorRate * 100).toFixed(2)} %, p99 ${ms.p99Ms} ms, breaker rejections ${ms.breakerRejections}\n`);
}

const par = run('parallel.mjs');
console.log(`8 replications of the 20-component design (200 s each), sequential vs ${par.threads} engine threads`);
console.log(`  sequential        ${(par.sequentialMs / 1000).toFixed(2)} s`);
console.log(`  ${par.threads} threads         ${(par.parallelMs / 1000).toFixed(2)} s`);
console.log(`  speed-up          ${par.speedUp}× (bit-identical results: ${par.identical ? 'yes' : 'NO'})\n`);

/** The faster of two runs of a reference (the JIT warms up in each, as the engine's does). */
function fastest(once) {
  const runs = [once(), once()];
  return runs.sort((a, b) => b.customersPerSec - a.customersPerSec)[0];
}

/** Builds and runs the C reference M/M/1 for the same simulated time; undefined without gcc. */
function runReference(mm1) {
  const binary = join(tmpdir(), `architech-mm1-reference-${process.pid}`);
  try {
    execFileSync('gcc', ['-O2', '-o', binary, join(here, 'reference/mm1.c'), '-lm'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  try {
    // Same model, same simulated seconds; the faster of two runs, as the engine's JIT warms up too.
    return fastest(() => JSON.parse(execFileSync(binary, [String(mm1.durationSec), '100'], { encoding: 'utf8' }).trim()));
  } finally {
    rmSync(binary, { force: true });
  }
}

if (baselineRef) {
  const dir = join(tmpdir(), 'architech-bench-baseline');
  const commit = execFileSync('git', ['rev-parse', '--verify', `${baselineRef}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  if (existsSync(dir)) execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
  execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: root, stdio: 'ignore' });
  try {
    // The worktree's own node_modules: this checkout's, hard-linked (cheap), its workspace links
    // relative so that they name the worktree's packages, not this checkout's.
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')]);
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', join(dir, 'packages/sim-engine')], { stdio: 'inherit' });
    const baseline = { SIM_ENGINE_DIST: join(dir, 'packages/sim-engine/dist/index.js') };
    const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const rounds = 5;
    console.log(`Against the engine of ${baselineRef} (${commit.slice(0, 10)}), alternating, median of ${rounds} runs each (events/s; ratio > 1 = this build faster)`);
    for (const [label, file, args] of [['M/M/1 ρ = 0.9, 20,000 s', 'mm1.mjs', ['20000']], ['20-component design, 1M requests', 'microservices.mjs', ['microservices-20.json']]]) {
      const now = [];
      const then = [];
      for (let i = 0; i < rounds; i++) {
        now.push(run(file, args).eventsPerSec);
        then.push(run(file, args, baseline).eventsPerSec);
      }
      const a = median(now);
      const b = median(then);
      console.log(`  ${label.padEnd(36)} this ${a.toLocaleString('en-US')}  baseline ${b.toLocaleString('en-US')}  ratio ${(a / b).toFixed(3)}`);
    }
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
  }
}
