import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolveDesign, statusSequence, type SimulationJobMessage, type SimulationStatusUpdate } from '@architech/contracts';
import { CheckSeriesCapture } from '../checks/check-series';
import type { SimulationsConfig } from '../config';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { TelemetryBusRepository } from '../repositories/telemetry-bus.repository';
import { SIMULATIONS_CONFIG } from '../services/simulations.service';
import { withoutLiveSeries, type LiveTelemetry } from '../services/final-telemetry';
import type { RunOutcome } from '../worker/engine-pool';
import { CLOCK, type Clock, type Timer } from './clock';
import type { JobEngine } from './engine';
import { INSTANCE_ID } from './instance-id';
import { QueuePositions } from './queue-positions';
import { RunHeartbeat } from './run-heartbeat';
import { RunPrices } from './run-prices';
import { RunRecorder } from './run-recorder';

/**
 * Executes one job in the engine pool. It waits PENDING in the pool's per-user queues (its place
 * recorded by {@link QueuePositions}) and becomes RUNNING only when an engine thread takes it, so a
 * restart finds queued runs still PENDING and re-queues them. While it runs, progress goes to the
 * bus, heartbeats to the database ({@link RunHeartbeat}) and the first replication's series to
 * telemetry; a run over SIM_MAX_WALL_SEC of engine time is stopped and FAILED with the reason.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly bus: JobBusRepository,
    private readonly telemetry: TelemetryBusRepository,
    private readonly checkSeries: CheckSeriesCapture,
    private readonly positions: QueuePositions,
    private readonly recorder: RunRecorder,
    private readonly prices: RunPrices,
    @Inject(SIMULATIONS_CONFIG) private readonly config: Pick<SimulationsConfig, 'SIM_MAX_WALL_SEC'>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INSTANCE_ID) private readonly workerId: string,
  ) {}

  async execute(engine: JobEngine, job: SimulationJobMessage): Promise<void> {
    const id = job.simulationId;
    const { workerId } = this;
    let streaming: Promise<unknown> = Promise.resolve();
    let starting: Promise<boolean> = Promise.resolve(false);
    let timedOut = false;
    let wallTimer: Timer | undefined;
    const keepSeries = await this.checkSeries.wanted(id);
    const priceOverrides = await this.prices.overridesFor(id, job.design);
    const heartbeat = new RunHeartbeat({ id, started: () => starting, waiting: () => this.positions.isWaiting(id), cancel: () => run.cancel() }, this.simulations, this.clock, this.logger);
    // The engine thread encodes the live series: this thread only hands the batches to the bus.
    let liveLost = false;
    const onLive = (live: LiveTelemetry) => {
      streaming = streaming.then(() => this.telemetry.publishLive(live)).catch((e: Error) => {
        liveLost = true;
        this.logger.warn(`live series of ${id}: ${e.message}`);
      });
    };
    let taken = false;
    const onStart = () => {
      taken = true;
      this.positions.leave(id);
      starting = this.simulations.start(id, workerId, new Date(this.clock.now())).then(async (started) => {
        if (!started) {
          run.cancel();
          return false;
        }
        await this.bus.publishStatus({ id, status: 'RUNNING', progress: 0, sequence: statusSequence('RUNNING', 0) }, { workerId });
        if (this.config.SIM_MAX_WALL_SEC > 0) {
          wallTimer = this.clock.after(this.config.SIM_MAX_WALL_SEC * 1000, () => {
            timedOut = true;
            run.cancel();
          });
        }
        return true;
      });
      starting.catch((e: Error) => {
        this.logger.error(`starting ${id}: ${e.message}`);
        run.cancel();
      });
    };
    const run = engine.run(
      resolveDesign(job.design),
      job.configuration,
      (p) => {
        const update: SimulationStatusUpdate = { id, status: 'RUNNING', progress: p.fraction, replication: p.replication, replications: p.replications, simTimeMs: p.simTimeMs, events: p.events, sequence: statusSequence('RUNNING', p.fraction) };
        void this.bus.publishStatus(update, { workerId }).catch(() => undefined);
        heartbeat.progress(p.fraction);
      },
      onLive,
      // A check run's replication keeps its series in the result: the check stores those it needs.
      { owner: job.userId, onStart, liveFor: id, ...(priceOverrides.length > 0 ? { priceOverrides } : {}), ...(keepSeries ? {} : { telemetryFor: id }) },
    );
    if (!taken) this.positions.waiting(id, run.runId);
    this.positions.changed();
    heartbeat.startWatch();
    let outcome: RunOutcome;
    try {
      outcome = await run.outcome;
    } finally {
      wallTimer?.stop();
      await heartbeat.end();
      await streaming;
    }
    // Never taken by a thread here (cancelled while queued, started elsewhere, or this instance is
    // stopping): it stays as it is — PENDING runs are re-queued at the next start.
    if (!(await starting.catch(() => false))) return;
    if (timedOut && outcome.kind === 'cancelled') {
      outcome = { kind: 'failed', code: 'wall_clock_limit', message: `the run took more than SIM_MAX_WALL_SEC = ${this.config.SIM_MAX_WALL_SEC} s of engine time; shorten durationSec, lower the load or replications, or ask for a higher limit` };
    }
    // Series every live window delivered are not sent (nor stored) a second time.
    if (outcome.kind === 'done' && outcome.telemetry?.liveSeriesComplete && !liveLost) outcome = { ...outcome, telemetry: withoutLiveSeries(id, outcome.telemetry) };
    await this.recorder.record(id, outcome);
  }
}
