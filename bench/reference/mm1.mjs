// JavaScript floors under the engine's M/M/1 figure (`npm run bench` prints them next to the C ratio).
// The model is the C reference's (bench/reference/mm1.c): ρ = 0.9 (λ 90/s, mean service 10 ms), a
// binary min-heap of (time, seq, kind) events in one Float64Array, exponential draws by inversion,
// a FIFO ring of arrival times, the response-time sum. No component, call or trace code.
//
//   node bench/reference/mm1.mjs [simulated s] [warm-up s]   the C loop ported line by line
//     --statistics        the same loop, recording what the engine records for its two components
//                         (the engine's own NodeStats: latency sketches, busy and queue integrals,
//                         a 14-column series bucket per simulated second)
//     --engine-scheduler  the same model on the engine's Scheduler (two registered handlers)
//
// One difference from the C file: the generator is the engine's `Rng`, xoshiro128** (32-bit words),
// as JavaScript has no 64-bit integers short of BigInt, which would measure BigInt, not the loop.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const engine = (path) => require(`../../packages/sim-engine/dist/${path}`);
const { Rng, createStream } = engine('random/rng.js');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const mode = process.argv.includes('--statistics') ? 'statistics' : process.argv.includes('--engine-scheduler') ? 'engine-scheduler' : 'plain';
const durationMs = Number(args[0] ?? 60_000) * 1000;
const warmupMs = Number(args[1] ?? 100) * 1000;
const meanInterarrival = 1000 / 90;
const meanService = 10;
const ARRIVAL = 0;
const DEPARTURE = 1;
const BUCKET = 2;

/** The C file's heap: (time, seq, kind) triples side by side, ordered by (time, seq). */
class EventHeap {
  entries = new Float64Array(3 * 1024);
  size = 0;
  nextSeq = 0;

  push(time, kind) {
    if (this.size * 3 === this.entries.length) {
      const bigger = new Float64Array(this.entries.length * 2);
      bigger.set(this.entries);
      this.entries = bigger;
    }
    const seq = this.nextSeq++;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.precedes(p, time, seq)) break;
      this.copy(i, p);
      i = p;
    }
    this.set(i, time, seq, kind);
  }

  /** Removes the top entry (read `entries[0]` and `entries[2]` first). */
  pop() {
    const heap = this.entries;
    const last = --this.size;
    if (last === 0) return;
    const t = heap[last * 3];
    const seq = heap[last * 3 + 1];
    const kind = heap[last * 3 + 2];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < last && this.precedes(c + 1, heap[c * 3], heap[c * 3 + 1])) c++;
      if (!this.precedes(c, t, seq)) break;
      this.copy(i, c);
      i = c;
    }
    this.set(i, t, seq, kind);
  }

  /** Entry `i` comes before (time, seq). */
  precedes(i, time, seq) {
    const t = this.entries[i * 3];
    return t < time || (t === time && this.entries[i * 3 + 1] < seq);
  }

  copy(to, from) {
    const heap = this.entries;
    heap[to * 3] = heap[from * 3];
    heap[to * 3 + 1] = heap[from * 3 + 1];
    heap[to * 3 + 2] = heap[from * 3 + 2];
  }

  set(i, time, seq, kind) {
    const heap = this.entries;
    heap[i * 3] = time;
    heap[i * 3 + 1] = seq;
    heap[i * 3 + 2] = kind;
  }
}

/**
 * What the engine records per customer for a client and the station it calls, through its own
 * NodeStats: arrivals, the latency at both (bucket and summary sketches), the busy and queue
 * integrals, and each simulated second a series bucket of both.
 */
class Statistics {
  constructor() {
    const { NodeStats } = engine('metrics/node-stats.js');
    const buckets = Math.ceil(durationMs / 1000);
    this.client = new NodeStats(warmupMs, buckets);
    this.server = new NodeStats(warmupMs, buckets);
    // One replica with one worker, as the station sets them at its start.
    this.server.capacity.set(0, 1);
    this.server.provisionedInstances(0, 1);
    this.bucket = 0;
  }

  arrival(now, queued) {
    this.client.arrival();
    this.server.arrival();
    if (queued) this.server.queued.add(now, 1);
    else this.server.busy.add(now, 1);
  }

  departure(now, latency, next) {
    if (next) {
      this.server.queued.add(now, -1);
      this.server.busy.add(now, 0);
    } else this.server.busy.add(now, -1);
    this.server.completion(latency);
    this.client.completion(latency);
  }

  closeBucket(now) {
    if (now === warmupMs) {
      this.client.markWarmup(now);
      this.server.markWarmup(now);
    }
    this.server.closeBucket(this.bucket, now, 1, 0);
    this.client.closeBucket(this.bucket, now, 0, 0);
    this.bucket++;
  }
}

/** The C file's loop; with `stats`, also the engine's statistics. */
function plainLoop(stats) {
  const rng = new Rng(0x9e3779b9, 0x7f4a7c15, 0xbf58476d, 0x1ce4e5b9);
  const exponential = (mean) => -mean * Math.log(rng.nextOpen());
  const events = new EventHeap();
  let queue = new Float64Array(1 << 16);
  let qHead = 0;
  let qLen = 0;
  let sumResponse = 0;
  let customers = 0;
  let measured = 0;
  let processed = 0;
  const t0 = performance.now();
  events.push(exponential(meanInterarrival), ARRIVAL);
  if (stats !== null) events.push(1000, BUCKET);
  while (events.size > 0) {
    const time = events.entries[0];
    const kind = events.entries[2];
    events.pop();
    if (time > durationMs) break;
    processed++;
    if (kind === ARRIVAL) {
      if (qLen === queue.length) {
        const bigger = new Float64Array(queue.length * 2);
        for (let i = 0; i < qLen; i++) bigger[i] = queue[(qHead + i) & (queue.length - 1)];
        queue = bigger;
        qHead = 0;
      }
      queue[(qHead + qLen++) & (queue.length - 1)] = time;
      if (stats !== null) stats.arrival(time, qLen > 1);
      if (qLen === 1) events.push(time + exponential(meanService), DEPARTURE);
      events.push(time + exponential(meanInterarrival), ARRIVAL);
    } else if (kind === DEPARTURE) {
      const arrived = queue[qHead];
      qHead = (qHead + 1) & (queue.length - 1);
      qLen--;
      customers++;
      if (stats !== null) stats.departure(time, time - arrived, qLen > 0);
      if (arrived >= warmupMs) {
        sumResponse += time - arrived;
        measured++;
      }
      if (qLen > 0) events.push(time + exponential(meanService), DEPARTURE);
    } else {
      stats.closeBucket(time);
      if (time + 1000 < durationMs) events.push(time + 1000, BUCKET);
    }
  }
  return { events: processed, customers, wallMs: performance.now() - t0, sumResponse, measured };
}

/** The same model on the engine's own Scheduler and Rng: two registered handlers, no components. */
function onEngineScheduler() {
  const { Scheduler } = engine('core/scheduler.js');
  const s = new Scheduler();
  const arrivals = createStream(1, 'reference', 'arrivals');
  const service = createStream(1, 'reference', 'service');
  const queue = new Float64Array(1 << 20);
  const mask = queue.length - 1;
  let qHead = 0;
  let qLen = 0;
  let sumResponse = 0;
  let customers = 0;
  let measured = 0;
  const kArrival = s.register(() => {
    const now = s.now;
    if (qLen === queue.length) throw new Error('reference: the queue ring is full');
    queue[(qHead + qLen++) & mask] = now;
    if (qLen === 1) s.schedule(now - meanService * Math.log(service.nextOpen()), kDeparture, null);
    s.schedule(now - meanInterarrival * Math.log(arrivals.nextOpen()), kArrival, null);
  });
  const kDeparture = s.register(() => {
    const now = s.now;
    const arrived = queue[qHead];
    qHead = (qHead + 1) & mask;
    qLen--;
    customers++;
    if (arrived >= warmupMs) {
      sumResponse += now - arrived;
      measured++;
    }
    if (qLen > 0) s.schedule(now - meanService * Math.log(service.nextOpen()), kDeparture, null);
  });
  const t0 = performance.now();
  s.schedule(0, kArrival, null);
  const events = s.run(durationMs, Infinity);
  return { events, customers, wallMs: performance.now() - t0, sumResponse, measured };
}

const summaryOf = (s) => ({ meanResponseMs: +s.latency.mean.toFixed(2), p99Ms: +s.latency.p99.toFixed(2), utilization: +s.utilization.toFixed(4), completions: s.completions });
const stats = mode === 'statistics' ? new Statistics() : null;
const r = mode === 'engine-scheduler' ? onEngineScheduler() : plainLoop(stats);
console.log(
  JSON.stringify({
    bench: `mm1-reference-js-${mode}`,
    events: r.events,
    customers: r.customers,
    wallMs: +r.wallMs.toFixed(1),
    customersPerSec: Math.round(r.customers / (r.wallMs / 1000)),
    meanResponseMs: +(r.sumResponse / r.measured).toFixed(2),
    // What the recorded statistics say (customers counted by completion, the loop by arrival).
    ...(stats && { statistics: summaryOf(stats.server.summarize('SERVICE', durationMs)) }),
  }),
);
