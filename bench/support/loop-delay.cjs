// Preloaded (`node --require`) into the product process by `bench/api.mjs`: measures the main
// event loop's delay with perf_hooks.monitorEventLoopDelay. On SIGUSR2 it prints one line
// `LOOP-DELAY {"p50":…,"p99":…,"max":…}` (milliseconds) for the window since the last signal and
// starts a new window. A benchmark aid only: the product itself never loads it.
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const line = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  histogram.reset();
  process.stdout.write(`LOOP-DELAY ${JSON.stringify(line)}\n`);
});
