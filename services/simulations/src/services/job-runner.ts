import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BUS_TOPICS, decodeSimulationJob, decodeSimulationStatusEvent, resolveDesign, statusSequence, validateDesign, type SimulationConfig, type SimulationJobMessage, type SimulationStatusUpdate } from '@architech/contracts';
import { decodeOrSkip, type EventBus, type Subscription } from '@architech/service-kit';
import type { SimulationResult } from '@architech/sim-engine';
import { CheckSeriesCapture } from '../checks/check-series';
import type { SimulationsConfig } from '../config';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository, type SimulationRecord } from '../repositories/simulation.repository';
import { EnginePool } from '../worker/engine-pool';
import type { LiveTelemetry } from './final-telemetry';
import { EVENT_BUS, JobPublisher } from './job-publisher';
import { SIMULATIONS_CONFIG } from './simulations.service';
import { StatusHub } from './status-hub';
import { TelemetryPublisher } from './telemetry-publisher';

const HEARTBEAT_MS = 1000;
/** Jobs one instance holds (queued or running) before it stops taking more from the bus. */
const LOCAL_QUEUE_LIMIT = 256;

/**
 * The worker side of the simulations service: takes jobs from the bus (one consumer group shared
 * by every instance, so instances share the load), runs each in the engine pool, records progress
 * and heartbeats, publishes the result's telemetry, and stores the outcome. It also relays status
 * events from the bus to this instance's live listeners, re-queues PENDING jobs at start (an
 * in-process bus forgets them) and fails RUNNING simulations whose worker went silent.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private pool: EnginePool | undefined;
  private readonly subscriptions: Subscription[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  /** Simulations this instance holds (queued or running), so a duplicate job is not run twice. */
  private readonly active = new Set<string>();
  /** Simulations waiting in this instance's pool, by pool run id (for their queue positions). */
  private readonly queued = new Map<string, number>();
  private positionsWriting: Promise<void> = Promise.resolve();
  private positionsDirty = false;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SIMULATIONS_CONFIG) private readonly config: SimulationsConfig,
    private readonly simulations: SimulationRepository,
    private readonly publisher: JobPublisher,
    private readonly telemetry: TelemetryPublisher,
    private readonly hub: StatusHub,
    private readonly peers: PeerServicesRepository,
    private readonly checkSeries: CheckSeriesCapture,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriptions.push(await this.bus.subscribe({ topic: BUS_TOPICS.simulationStatus, group: `simulations-live-${this.instanceId}` }, async (message) => {
      // Live listeners get the API's update; the worker id and summary stay on the bus.
      const { workerId: _worker, summary: _summary, ...update } = decodeOrSkip('status event', message.value, decodeSimulationStatusEvent);
      this.hub.publish(update);
    }));
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep().catch((e: Error) => this.logger.error(e.message)), 5000);
    this.sweeper.unref();
    if (this.config.SIM_WORKERS === 0) return;
    this.pool = new EnginePool(this.config.SIM_WORKERS, this.config.SIM_WORKER_MEMORY_MB, this.config.SIM_ENGINE_NICE);
    this.pool.onQueueChange(() => this.queueChanged());
    this.subscriptions.push(await this.bus.subscribe({ topic: BUS_TOPICS.simulationJobs, group: 'simulations-workers' }, (message) => this.runJob(message.value)));
    for (const pending of await this.simulations.pending()) await this.requeue(pending);
  }

  /** Before the database closes: running jobs go back to PENDING so they run again after the restart. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.pool?.close();
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  /** Publishes a PENDING simulation's job again from its stored configuration and design version. */
  private async requeue(pending: SimulationRecord): Promise<void> {
    try {
      const version = await this.peers.designVersion(pending.designId);
      const design = version && validateDesign({ components: version.components, connections: version.connections });
      if (!design || !design.ok) {
        await this.simulations.finish(pending.id, 'FAILED', 'its design version can no longer be read');
        return;
      }
      this.logger.log(`re-queueing pending simulation ${pending.id}`);
      await this.publisher.publishJob(pending, design.value, pending.configuration as unknown as SimulationConfig);
    } catch (error) {
      this.logger.warn(`could not re-queue ${pending.id} yet: ${(error as Error).message}`);
    }
  }

  /** Records the queue positions of the runs waiting here (coalesced: one write in flight at a time). */
  private queueChanged(): void {
    if (this.positionsDirty) return;
    this.positionsDirty = true;
    this.positionsWriting = this.positionsWriting.then(async () => {
      this.positionsDirty = false;
      const places = this.pool?.positions() ?? new Map<number, number>();
      const byId = new Map<string, number>();
      for (const [id, runId] of this.queued) {
        const place = places.get(runId);
        if (place !== undefined) byId.set(id, place);
      }
      await this.simulations.setQueuePositions(byId).catch((e: Error) => this.logger.warn(`queue positions: ${e.message}`));
    });
  }

  private async sweep(): Promise<void> {
    for (const id of await this.simulations.failStale(this.config.SIM_HEARTBEAT_TIMEOUT_SEC)) {
      this.logger.warn(`simulation ${id} failed: its worker stopped reporting`);
      await this.publisher.publishStatus({ id, status: 'FAILED', progress: 0, error: 'the worker running it stopped reporting (crashed or restarted)', sequence: statusSequence('FAILED') });
    }
  }

  /**
   * One job: it waits PENDING in the engine pool's per-user queues (its place recorded as
   * `queuePosition`) and becomes RUNNING only when an engine thread takes it, so a restart finds
   * queued runs still PENDING and re-queues them. A run over SIM_MAX_WALL_SEC of engine time is
   * stopped and FAILED with the reason.
   */
  private async runJob(bytes: Uint8Array): Promise<void> {
    const job = decodeOrSkip('simulation job', bytes, decodeSimulationJob);
    const id = job.simulationId;
    // A job delivered twice (a re-queue after a restart, a redelivery) runs once per instance.
    if (this.active.has(id)) return;
    if ((await this.simulations.statusOf(id)) !== 'PENDING') return;
    this.active.add(id);
    const done = this.execute(job, id)
      .catch((e: Error) => this.logger.error(`simulation ${id}: ${e.message}`))
      .finally(() => {
        this.active.delete(id);
        this.queued.delete(id);
      });
    // The job is taken off the bus once it is queued here (the database row stays the truth:
    // PENDING rows are re-queued at start), so every waiting job reaches the fair queues instead
    // of waiting behind another in its bus partition. Past LOCAL_QUEUE_LIMIT this instance stops
    // taking jobs until one finishes, leaving them to other instances.
    if (this.active.size > LOCAL_QUEUE_LIMIT) await done;
  }

  private async execute(job: SimulationJobMessage, id: string): Promise<void> {
    const workerId = `${this.instanceId}`;
    let lastBeat = 0;
    let beating: Promise<unknown> = Promise.resolve();
    let streaming: Promise<unknown> = Promise.resolve();
    let starting: Promise<boolean> = Promise.resolve(false);
    let timedOut = false;
    let wallTimer: NodeJS.Timeout | undefined;
    const keepSeries = await this.checkSeries.wanted(id);
    const onLive = (live: LiveTelemetry) => {
      streaming = streaming.then(() => this.telemetry.publishLive(live)).catch((e: Error) => this.logger.warn(`live series of ${id}: ${e.message}`));
    };
    let taken = false;
    const onStart = () => {
      taken = true;
      this.queued.delete(id);
      starting = this.simulations.start(id, workerId).then(async (started) => {
        if (!started) {
          run.cancel();
          return false;
        }
        await this.publisher.publishStatus({ id, status: 'RUNNING', progress: 0, sequence: statusSequence('RUNNING', 0) }, { workerId });
        if (this.config.SIM_MAX_WALL_SEC > 0) {
          wallTimer = setTimeout(() => {
            timedOut = true;
            run.cancel();
          }, this.config.SIM_MAX_WALL_SEC * 1000);
        }
        return true;
      });
      starting.catch((e: Error) => {
        this.logger.error(`starting ${id}: ${e.message}`);
        run.cancel();
      });
    };
    const run = this.pool!.run(
      resolveDesign(job.design),
      job.configuration,
      (p) => {
        const update: SimulationStatusUpdate = { id, status: 'RUNNING', progress: p.fraction, replication: p.replication, replications: p.replications, simTimeMs: p.simTimeMs, events: p.events, sequence: statusSequence('RUNNING', p.fraction) };
        void this.publisher.publishStatus(update, { workerId }).catch(() => undefined);
        const now = Date.now();
        if (now - lastBeat >= HEARTBEAT_MS) {
          lastBeat = now;
          beating = beating
            .then(async () => {
              if ((await starting) && (await this.simulations.heartbeat(id, p.fraction))) run.cancel();
            })
            .catch((e: Error) => this.logger.error(`heartbeat of ${id}: ${e.message}`));
        }
      },
      onLive,
      // A check run's replication keeps its series in the result: the check stores those it needs.
      { owner: job.userId, onStart, liveFor: id, ...(keepSeries ? {} : { telemetryFor: id }) },
    );
    if (!taken) this.queued.set(id, run.runId);
    this.queueChanged();
    // While queued: stop when cancelled (no longer PENDING). While running: a cancel requested
    // before the first progress report still stops the run.
    const watch = setInterval(() => {
      const check = this.queued.has(id)
        ? this.simulations.statusOf(id).then((status) => status !== 'PENDING')
        : starting.then((started) => started && this.simulations.heartbeat(id, -1));
      void check.then((stop) => stop && run.cancel()).catch(() => undefined);
    }, HEARTBEAT_MS);
    let outcome;
    try {
      outcome = await run.outcome;
    } finally {
      clearInterval(watch);
      if (wallTimer) clearTimeout(wallTimer);
      await beating;
      await streaming;
    }
    // Never taken by a thread here (cancelled while queued, started elsewhere, or this instance is
    // stopping): it stays as it is — PENDING runs are re-queued at the next start.
    if (!(await starting.catch(() => false))) return;
    if (timedOut && outcome.kind === 'cancelled') {
      outcome = { kind: 'failed' as const, code: 'wall_clock_limit', message: `the run took more than SIM_MAX_WALL_SEC = ${this.config.SIM_MAX_WALL_SEC} s of engine time; shorten durationSec, lower the load or replications, or ask for a higher limit` };
    }
    if (outcome.kind === 'done') {
      // The engine thread encoded the series, traces and logs; resultJson is the small rest.
      const result = JSON.parse(outcome.resultJson) as Omit<SimulationResult, 'timeseries' | 'traces' | 'logs'>;
      if (outcome.telemetry) await this.telemetry.publishFinal(outcome.telemetry);
      else {
        await this.telemetry.publish(id, result as SimulationResult);
        await this.checkSeries.capture(id, result as SimulationResult);
      }
      const stored = await this.simulations.complete(id, { summary: result.summary, ci95: result.ci95, settings: result.settings, replications: result.replications, events: result.events, wallMs: result.wallMs, faults: result.faults });
      if (stored) await this.publisher.publishStatus({ id, status: 'COMPLETED', progress: 1, replications: result.replications, events: result.events, sequence: statusSequence('COMPLETED') }, { summary: result.summary, workerId });
    } else if (outcome.kind === 'cancelled') {
      if (await this.simulations.finish(id, 'CANCELLED', null)) await this.publisher.publishStatus({ id, status: 'CANCELLED', progress: 0, sequence: statusSequence('CANCELLED') }, { workerId });
    } else if (outcome.code === 'shutting_down') {
      if (await this.simulations.release(id)) this.logger.log(`simulation ${id} returned to the queue: this instance is stopping`);
    } else {
      const error = `${outcome.code}: ${outcome.message}`;
      this.logger.warn(`simulation ${id} failed: ${error}`);
      if (await this.simulations.finish(id, 'FAILED', error)) await this.publisher.publishStatus({ id, status: 'FAILED', progress: 0, error, sequence: statusSequence('FAILED') }, { workerId });
    }
  }
}
