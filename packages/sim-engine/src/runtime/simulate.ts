import type { PriceBook } from '../cost/price-book';
import type { DesignSpec, RunConfigSpec } from '../model/design';
import type { ReplicationOutput, SeriesBucket } from './replication';
import { ResultAssembler } from './result-assembler';
import type { SimulationProgress, SimulationResult } from './result';
import { EventBudgetExceededError, RunPlan, SimulationCancelledError, type ReplicationTask } from './run-plan';

export { MAX_SERIES_CELLS, SimulationCancelledError, EventBudgetExceededError } from './run-plan';

export interface SimulateOptions {
  onProgress?: (progress: SimulationProgress) => void;
  /** Polled every few thousand events; true stops the run with {@link SimulationCancelledError}. */
  shouldCancel?: () => boolean;
  /** Wall clock in milliseconds (e.g. `performance.now`), only to report `wallMs`. */
  clock?: () => number;
  /**
   * Called as each series bucket of the first replication closes, so a host can stream live
   * series while the run goes on (the result's series are the mean over all replications).
   */
  onSeriesBucket?: (bucket: SeriesBucket) => void;
  /**
   * With several engine threads: the host's cancel flag (one Int32, 1 = cancel), which every
   * thread reads directly, so a cancel reaches a thread that is busy with a replication.
   */
  cancelFlag?: SharedArrayBuffer;
  /** The prices the result's `cost` is computed with (a project's overrides over the list prices); the list prices when omitted. */
  prices?: PriceBook;
}

/**
 * Simulates a validated design: warm-up detection when asked (MSER-5 on a pilot run), then
 * independent replications (fixed count, or until every headline metric's relative 95% CI
 * half-width is below `targetRelError`), aggregated into one result. Deterministic: the same
 * design, configuration and seed give the same result, `wallMs` aside — also when the
 * replications run on several threads ({@link simulateParallel}).
 *
 * @example
 * const result = simulate(design, { durationSec: 600, warmupSec: 60, seed: 1, replications: 5,
 *   maxReplications: 50, faults: [], tracing: { sampleRate: 0.01, maxTraces: 1000, slowest: 20, maxLogs: 10000 } });
 * result.summary.endToEnd.latency.p99;
 */
export function simulate(designAsDrawn: DesignSpec, config: RunConfigSpec, options: SimulateOptions = {}): SimulationResult {
  const plan = new RunPlan(designAsDrawn, config);
  const clock = options.clock;
  const started = clock ? clock() : 0;
  let events = 0;

  const runOne = (task: ReplicationTask): ReplicationOutput => {
    const before = events;
    const onSeriesBucket = !task.pilot && task.replication === 0 ? options.onSeriesBucket : undefined;
    const out = plan.run(
      task,
      (nowMs, processed) => {
        if (before + processed > plan.budget) throw new EventBudgetExceededError(plan.budget);
        if (options.shouldCancel?.()) return false;
        if (options.onProgress && !task.pilot) {
          const total = Math.max(plan.planned, task.replication + 1);
          options.onProgress({ fraction: (task.replication + nowMs / (config.durationSec * 1000)) / total, replication: task.replication, replications: total, simTimeMs: nowMs, events: before + processed });
        }
        return true;
      },
      onSeriesBucket,
    );
    if (!out) throw new SimulationCancelledError();
    events += out.events;
    if (events > plan.budget) throw new EventBudgetExceededError(plan.budget);
    return out;
  };

  let warmupSec = plan.fixedWarmupSec;
  if (plan.needsPilot) warmupSec = plan.warmupFromPilot(runOne({ replication: 0, warmupSec: 0, pilot: true, record: false }));

  const assembler = new ResultAssembler(plan, options.prices);
  for (let r = 0; r < plan.ceiling; r++) {
    if (assembler.add(runOne({ replication: r, warmupSec, pilot: false, record: r === 0 }))) break;
  }
  const result = assembler.result(warmupSec, events);
  options.onProgress?.({ fraction: 1, replication: result.replications - 1, replications: result.replications, simTimeMs: config.durationSec * 1000, events });
  result.wallMs = clock ? clock() - started : 0;
  return result;
}
