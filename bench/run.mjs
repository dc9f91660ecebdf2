// `npm run bench`: each benchmark in its own Node process (so peak RSS is its own), figures printed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const here = fileURLToPath(new URL('.', import.meta.url));
const run = (file, args = []) => JSON.parse(execFileSync(process.execPath, [here + file, ...args], { encoding: 'utf8' }).trim().split('\n').pop());

console.log(`Architech engine benchmarks — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core each\n`);
const mm1 = run('mm1.mjs');
console.log('M/M/1, ρ = 0.9 (target ≥ 10M events/s)');
console.log(`  events            ${mm1.events.toLocaleString('en-US')}`);
console.log(`  wall time         ${(mm1.wallMs / 1000).toFixed(2)} s`);
console.log(`  events/s          ${mm1.eventsPerSec.toLocaleString('en-US')}`);
console.log(`  mean response     ${mm1.meanResponseMs} ms (theory ${mm1.theoryMeanResponseMs} ms)`);
console.log(`  peak RSS          ${mm1.peakRssMB} MB\n`);
const ms = run('microservices.mjs');
console.log(`1M requests, ${ms.components}-component microservices with retries, a breaker and a crash fault (target < 5 s, < 300 MB)`);
console.log(`  requests          ${ms.requests.toLocaleString('en-US')}`);
console.log(`  events            ${ms.events.toLocaleString('en-US')}`);
console.log(`  wall time         ${(ms.wallMs / 1000).toFixed(2)} s`);
console.log(`  events/s          ${ms.eventsPerSec.toLocaleString('en-US')}`);
console.log(`  peak RSS          ${ms.peakRssMB} MB`);
console.log(`  error rate        ${(ms.errorRate * 100).toFixed(2)} %, p99 ${ms.p99Ms} ms, breaker rejections ${ms.breakerRejections}`);
