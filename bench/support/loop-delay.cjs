// Preloaded (`node --require`) into the product process by `bench/api.mjs`: measures the main
// event loop's delay with perf_hooks.monitorEventLoopDelay. On SIGUSR2 it prints one line
// `LOOP-DELAY {"p50":…,"p99":…,"max":…,"elu":…,"cpuMs":…}` (milliseconds; elu the loop's busy share; cpuMs the process's CPU time) for the window since the last signal and
// starts a new window. A benchmark aid only: the product itself never loads it.
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let utilization = performance.eventLoopUtilization();
let cpu = process.cpuUsage();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  // elu: the share of the window the main thread's loop was busy (not waiting for I/O or timers).
  const elu = performance.eventLoopUtilization(utilization);
  utilization = performance.eventLoopUtilization();
  // cpuMs: CPU time the whole process (every thread) used in the window, user + system.
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  const line = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), elu: Math.round(elu.utilization * 1000) / 1000, cpuMs: Math.round((used.user + used.system) / 1000) };
  histogram.reset();
  process.stdout.write(`LOOP-DELAY ${JSON.stringify(line)}\n`);
});
