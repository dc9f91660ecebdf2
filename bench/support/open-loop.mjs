// An open-loop load generator for bench/api.mjs: requests are sent at evenly spaced times (rate/s,
// as wrk2 and vegeta do), whether or not earlier ones have been answered, and each latency is
// measured from the time the request was due, not from when it could be sent (no coordinated
// omission: a stalled server shows up as the whole stall, on every request that waited).
//
// Why not autocannon's `overallRate`: it gives each connection a quota per second and sends the
// quota back to back at the start of each second (a 1-s setInterval resets it), so "100/s over 16
// connections" arrives as a burst of 100 requests at concurrency 16 every second — the measured
// tail is the burst's queue, not the latency at 100 requests/s. bench/api.mjs still runs autocannon
// with BENCH_GENERATOR=autocannon, for comparison with older figures.
import { Agent, request } from 'node:http';

/**
 * Sends `rate` requests per second for `seconds`, cycling through `requests` ({method, path, body?}),
 * over keep-alive connections (at most `connections` at once; a request that finds them all busy
 * waits, and that wait counts). Resolves to {sent, ok, errors, p50, p90, p99, max, rps}.
 */
export function openLoop({ url, rate, seconds, requests, headers = {}, connections = 64 }) {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const prepared = requests.map((r) => ({ method: r.method, path: r.path, body: r.body === undefined ? undefined : Buffer.from(r.body) }));
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = [];
  let ok = 0;
  let errors = 0;
  let done = 0;
  let next = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (q) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]) : NaN);
      const elapsed = (performance.now() - start) / 1000;
      resolve({ sent: total, ok, errors, rps: ok / Math.max(seconds, elapsed), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: Math.round(latencies.at(-1) ?? NaN) });
    };
    const send = (i) => {
      const due = start + i * interval;
      const r = prepared[i % prepared.length];
      const req = request({
        host: base.hostname, port: base.port, path: r.path, method: r.method, agent,
        headers: { ...headers, ...(r.body ? { 'content-length': r.body.length } : {}) },
      }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode >= 200 && res.statusCode < 300) ok++;
          else errors++;
          if (++done === total) finish();
        });
      });
      req.on('error', () => {
        errors++;
        if (++done === total) finish();
      });
      req.end(r.body);
    };
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
}
