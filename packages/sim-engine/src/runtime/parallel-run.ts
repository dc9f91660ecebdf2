import type { DesignSpec, RunConfigSpec } from '../model/design';
import type { ReplicationOutput } from './replication';
import { ReplicationFailedError, type ReplicationPool } from './replication-pool';
import { ResultAssembler } from './result-assembler';
import type { SimulationResult } from './result';
import { EventBudgetExceededError, RunPlan, SimulationCancelledError, type ReplicationTask } from './run-plan';
import type { SimulateOptions } from './simulate';

/**
 * {@link simulate} with the replications spread over a pool of engine threads. The result is
 * bit-identical to the sequential run's: each replication draws from its own labelled streams
 * whatever thread runs it, and outputs are folded in replication order. With a stopping rule,
 * up to `pool.size - 1` replications beyond the stopping point may run and are discarded (not
 * counted in `events`). The warm-up pilot, when asked for, runs first, alone.
 */
export async function simulateParallel(designAsDrawn: DesignSpec, config: RunConfigSpec, options: SimulateOptions, pool: ReplicationPool): Promise<SimulationResult> {
  const plan = new RunPlan(designAsDrawn, config);
  const clock = options.clock;
  const started = clock ? clock() : 0;
  const cancelFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const cancelAll = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
  let events = 0;
  let cancelled = false;
  /** Asked on every progress message (each thread sends one every few thousand events). */
  const pollCancel = () => {
    if (!cancelled && options.shouldCancel?.()) {
      cancelled = true;
      cancelAll();
    }
  };

  /** Simulated-time fraction done of each measured replication running or finished. */
  const done = new Map<number, number>();
  let dispatched = 0;
  const report = () => {
    if (!options.onProgress) return;
    const total = Math.max(plan.planned, dispatched);
    let sum = 0;
    for (const f of done.values()) sum += f;
    const replication = Math.min(...done.keys(), total - 1);
    options.onProgress({ fraction: Math.min(sum / total, 0.999), replication, replications: total, simTimeMs: 0, events });
  };

  const run = (task: ReplicationTask): Promise<ReplicationOutput> =>
    pool
      .run(
        { design: designAsDrawn, config, task, budget: plan.budget - events, cancelFlag, hostCancelFlag: options.cancelFlag, series: options.onSeriesBucket !== undefined && !task.pilot && task.replication === 0 },
        (nowMs) => {
          pollCancel();
          if (task.pilot) return;
          done.set(task.replication, nowMs / (config.durationSec * 1000));
          report();
        },
        (buckets) => {
          for (const bucket of buckets) options.onSeriesBucket?.(bucket);
        },
      )
      .catch((error: unknown) => {
        cancelAll();
        if (error instanceof ReplicationFailedError && error.code === 'event_budget_exceeded') throw new EventBudgetExceededError(plan.budget);
        throw error;
      });

  const consume = (out: ReplicationOutput): void => {
    events += out.events;
    if (events > plan.budget) throw new EventBudgetExceededError(plan.budget);
  };

  let inFlight = new Map<number, Promise<number>>();
  try {
    let warmupSec = plan.fixedWarmupSec;
    if (plan.needsPilot) {
      const pilot = await run({ replication: 0, warmupSec: 0, pilot: true, record: false });
      consume(pilot);
      warmupSec = plan.warmupFromPilot(pilot);
    }
    const assembler = new ResultAssembler(plan, options.prices);
    const outputs = new Map<number, ReplicationOutput>();
    inFlight = new Map<number, Promise<number>>();
    let stop = false;
    while (!stop) {
      while (inFlight.size < pool.size && dispatched < plan.ceiling) {
        const r = dispatched++;
        done.set(r, 0);
        inFlight.set(
          r,
          run({ replication: r, warmupSec, pilot: false, record: r === 0 }).then((out) => {
            outputs.set(r, out);
            done.set(r, 1);
            return r;
          }),
        );
      }
      if (inFlight.size === 0) break;
      inFlight.delete(await Promise.race(inFlight.values()));
      // Fold in, in replication order, whatever has arrived contiguously.
      for (let next = assembler.count; outputs.has(next) && !stop; next++) {
        const out = outputs.get(next) as ReplicationOutput;
        outputs.delete(next);
        consume(out);
        stop = assembler.add(out);
      }
    }
    const result = assembler.result(warmupSec, events);
    options.onProgress?.({ fraction: 1, replication: result.replications - 1, replications: result.replications, simTimeMs: config.durationSec * 1000, events });
    result.wallMs = clock ? clock() - started : 0;
    return result;
  } catch (error) {
    if (cancelled || error instanceof SimulationCancelledError) throw new SimulationCancelledError();
    throw error;
  } finally {
    if (inFlight.size > 0) {
      // Replications past the stopping point, or still running when another failed: stop them and ignore their answers.
      cancelAll();
      await Promise.allSettled(inFlight.values());
    }
  }
}
