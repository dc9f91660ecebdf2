import { Logger } from '@nestjs/common';
import { designSchema, validateSimulationConfig, type DesignVersionDto, type PriceOverride, type SimulationConfig, type SimulationJobMessage } from '@architech/contracts';
import { CheckSeriesCapture } from '../../src/checks/check-series';
import type { CheckRunRepository } from '../../src/checks/check-run.repository';
import type { SimulationsConfig } from '../../src/config';
import { JobConsumer } from '../../src/jobs/job-consumer';
import { JobExecutor } from '../../src/jobs/job-executor';
import { JobWorker } from '../../src/jobs/job-worker';
import { PendingRequeuer } from '../../src/jobs/pending-requeuer';
import { QueuePositions } from '../../src/jobs/queue-positions';
import { RunRecorder } from '../../src/jobs/run-recorder';
import { RunPrices } from '../../src/jobs/run-prices';
import { StaleRunSweeper } from '../../src/jobs/stale-run-sweeper';
import { StatusRelay } from '../../src/jobs/status-relay';
import type { PeerServicesRepository } from '../../src/repositories/peer-services.repository';
import type { SimulationRecord } from '../../src/repositories/simulation.repository';
import { StatusHub } from '../../src/services/status-hub';
import { FakeJobBus, FakeTelemetryBus } from './fake-buses';
import { FakeClock } from './fake-clock';
import { FakeEngine } from './fake-engine';
import { FakeSimulations } from './fake-simulations';

Logger.overrideLogger(false);

export const INSTANCE = 'host-a:42:abcd1234';

/** A small valid design: a client and a service. */
export const DESIGN_INPUT = {
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
    { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 10 } } },
  ],
  connections: [{ id: 'c', source: 'users', target: 'api' }],
};
export const DESIGN = designSchema.parse(DESIGN_INPUT);

export function runConfig(input: Record<string, unknown> = {}): SimulationConfig {
  const config = validateSimulationConfig({ durationSec: 60, ...input }, DESIGN);
  if (!config.ok) throw new Error(JSON.stringify(config.issues));
  return config.value;
}

/** Check-run replications in memory: which components' series each keeps, and what was saved. */
export class FakeCheckRuns {
  readonly replications = new Map<string, string[]>();
  readonly saved = new Map<string, unknown>();

  async replicationComponents(simulationId: string): Promise<string[] | undefined> {
    return this.replications.get(simulationId);
  }

  async saveSeries(simulationId: string, series: unknown): Promise<void> {
    this.saved.set(simulationId, series);
  }
}

/** Design versions by id, as the designs service would answer. */
export class FakePeers {
  readonly versions = new Map<string, DesignVersionDto>();
  readonly roles = new Map<string, 'owner' | 'editor' | 'viewer'>();
  failing = false;
  /** Price overrides by project id. */
  readonly prices = new Map<string, PriceOverride[]>();

  async priceOverrides(projectId: string): Promise<PriceOverride[]> {
    return this.prices.get(projectId) ?? [];
  }

  async designVersion(id: string): Promise<DesignVersionDto | undefined> {
    if (this.failing) throw new Error('designs service unavailable');
    return this.versions.get(id);
  }

  async roleOf(projectId: string, userId: string) {
    return this.roles.get(`${projectId}/${userId}`);
  }

  addVersion(id: string, projectId: string, input: { components: unknown[]; connections: unknown[] } = DESIGN_INPUT): void {
    this.versions.set(id, { id, projectId, lineageId: id, version: 1, isLatest: true, name: 'd', description: null, createdBy: 'user-1', createdAt: new Date(0).toISOString(), ...input } as DesignVersionDto);
  }

  asRepository(): PeerServicesRepository {
    return this as unknown as PeerServicesRepository;
  }
}

const CONFIG = { SIM_WORKERS: 1, SIM_MAX_WALL_SEC: 900, SIM_HEARTBEAT_TIMEOUT_SEC: 30 } as SimulationsConfig;

/** Every job class wired to in-memory fakes and a fake clock, as the module wires them. */
export function jobWorld(config: Partial<SimulationsConfig> = {}) {
  const settings = { ...CONFIG, ...config } as SimulationsConfig;
  const clock = new FakeClock();
  const simulations = new FakeSimulations();
  const bus = new FakeJobBus();
  const telemetry = new FakeTelemetryBus();
  const engine = new FakeEngine();
  const checkRuns = new FakeCheckRuns();
  const peers = new FakePeers();
  const hub = new StatusHub();
  const repo = simulations.asRepository();
  const checkSeries = new CheckSeriesCapture(checkRuns as unknown as CheckRunRepository);
  const positions = new QueuePositions(repo);
  const recorder = new RunRecorder(repo, bus.asRepository(), telemetry.asRepository(), checkSeries, INSTANCE);
  const executor = new JobExecutor(repo, bus.asRepository(), telemetry.asRepository(), checkSeries, positions, recorder, new RunPrices(repo, peers.asRepository()), settings, clock, INSTANCE);
  let engines = 0;
  const consumer = new JobConsumer(bus.asRepository(), repo, executor, positions, () => (engines++, engine));
  const sweeper = new StaleRunSweeper(repo, bus.asRepository(), settings, clock);
  const requeuer = new PendingRequeuer(repo, peers.asRepository(), bus.asRepository());
  const relay = new StatusRelay(bus.asRepository(), hub, INSTANCE);
  const worker = new JobWorker(relay, sweeper, consumer, requeuer, settings);
  /** A PENDING simulation and its job. */
  const pendingJob = (fields: Partial<SimulationRecord> = {}): SimulationJobMessage => {
    const row = simulations.add({ status: 'PENDING', ...fields });
    return { simulationId: row.id, designVersionId: row.designId, userId: row.userId, design: DESIGN, configuration: runConfig(), traceContext: {} };
  };
  return { clock, simulations, bus, telemetry, engine, checkRuns, peers, hub, positions, executor, consumer, sweeper, requeuer, relay, worker, pendingJob, enginesStarted: () => engines };
}
