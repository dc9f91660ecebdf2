import { Inject, Injectable } from '@nestjs/common';
import { statusSequence, validateDesign, validateSimulationConfig, type SimulationDto, type ValidationIssue } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import type { SimulationsConfig } from '../config';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SimulationAccess } from './simulation-access';
import { storedSummary, toSimulationDto } from './simulation-dto';

export const SIMULATIONS_CONFIG = Symbol('SIMULATIONS_CONFIG');

/** `Retry-After` of a launch refused by the active-simulation quota: a poll interval, not a promise. */
const QUOTA_RETRY_AFTER_SEC = 5;

/** Launching, reading, listing and cancelling simulations; the runs themselves are the job worker's (src/jobs). */
@Injectable()
export class SimulationsService {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly peers: PeerServicesRepository,
    private readonly access: SimulationAccess,
    private readonly jobs: JobBusRepository,
    @Inject(SIMULATIONS_CONFIG) private readonly config: SimulationsConfig,
  ) {}

  /** Validates the configuration against the exact design version, stores a PENDING simulation and queues its job. */
  async launch(designId: string, body: unknown, user: AuthUser, onCreated?: (id: string) => Promise<void>): Promise<{ id: string; status: 'PENDING' }> {
    const version = await this.peers.designVersion(designId);
    if (!version) throw ApiException.notFound('design');
    await this.access.requireEditor(version.projectId, user.id, 'design');
    const design = validateDesign({ components: version.components, connections: version.connections });
    if (!design.ok) throw ApiException.validation('the stored design', design.issues);
    const config = validateSimulationConfig(body ?? {}, design.value);
    if (!config.ok) throw ApiException.validation('simulation configuration', config.issues);
    const limits: ValidationIssue[] = [];
    if (config.value.durationSec > this.config.SIM_MAX_DURATION_SEC) {
      limits.push({ path: 'durationSec', code: 'too_big', message: `at most ${this.config.SIM_MAX_DURATION_SEC} simulated seconds per run on this server` });
    }
    if (config.value.maxEvents !== undefined && config.value.maxEvents > this.config.SIM_MAX_EVENTS) {
      limits.push({ path: 'maxEvents', code: 'too_big', message: `at most ${this.config.SIM_MAX_EVENTS} events per simulation on this server` });
    }
    if (limits.length > 0) throw ApiException.validation('simulation configuration', limits);
    const run = { ...config.value, maxEvents: config.value.maxEvents ?? this.config.SIM_MAX_EVENTS };
    const limit = this.config.SIM_MAX_ACTIVE_PER_USER;
    const created = await this.simulations.createWithinQuota({ designId, projectId: version.projectId, userId: user.id, configuration: run as unknown as Record<string, unknown> }, limit);
    if ('active' in created) {
      throw new ApiException(429, 'too_many_simulations', `you already have ${created.active} simulations pending or running (limit ${limit}); wait for one to finish or cancel one, then retry in ${QUOTA_RETRY_AFTER_SEC} s`, {
        active: created.active,
        limit,
        retryAfterSec: QUOTA_RETRY_AFTER_SEC,
      });
    }
    const record = created.record;
    // A check run registers its replication before the job can finish (docs/checks.md).
    await onCreated?.(record.id);
    await this.jobs.publishJob(record, design.value, run);
    return { id: record.id, status: 'PENDING' };
  }

  async get(id: string, user: AuthUser): Promise<SimulationDto> {
    const record = await this.simulations.find(id);
    if (!record) throw ApiException.notFound('simulation');
    await this.access.requireReader(record.projectId, user.id, 'simulation');
    const result = record.status === 'COMPLETED' ? await this.simulations.result(id) : undefined;
    return toSimulationDto(record, result);
  }

  async listForDesign(designId: string, user: AuthUser): Promise<SimulationDto[]> {
    const version = await this.peers.designVersion(designId);
    if (!version) throw ApiException.notFound('design');
    await this.access.requireReader(version.projectId, user.id, 'design');
    const rows = await this.simulations.listForDesign(designId, 100);
    return rows.map((r) => ({ ...toSimulationDto(r), ...(r.summary ? { summary: storedSummary(r.summary) } : {}) }));
  }

  /** PENDING: cancelled at once. RUNNING: its worker is asked to stop and reports CANCELLED. */
  async cancel(id: string, user: AuthUser): Promise<SimulationDto> {
    const record = await this.simulations.find(id);
    if (!record) throw ApiException.notFound('simulation');
    await this.access.requireEditor(record.projectId, user.id, 'simulation');
    if (record.status === 'PENDING' || record.status === 'RUNNING') {
      await this.simulations.requestCancel(id);
      if (record.status === 'PENDING' && (await this.simulations.finish(id, 'CANCELLED', null))) {
        await this.jobs.publishStatus({ id, status: 'CANCELLED', progress: record.progress, sequence: statusSequence('CANCELLED') });
      }
    }
    return toSimulationDto((await this.simulations.find(id))!);
  }

  /** Service-to-service: which project a simulation belongs to (telemetry authorizes reads with it). */
  async owner(id: string): Promise<{ id: string; projectId: string; designId: string; status: string }> {
    const record = await this.simulations.find(id);
    if (!record) throw ApiException.notFound('simulation');
    return { id: record.id, projectId: record.projectId, designId: record.designId, status: record.status };
  }
}
