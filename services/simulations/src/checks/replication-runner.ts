import { Injectable } from '@nestjs/common';
import type { SimulationConfig } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import type { ReplicationObservation, SeriesSet, Summary } from '@architech/sim-engine';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SimulationsService } from '../services/simulations.service';
import { CheckRunRepository } from './check-run.repository';

/** How often a check run looks at its current replication, and how long it waits out a full quota. */
const POLL_MS = 200;
const QUOTA_WAIT_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ReplicationOutcome = { ok: true; simulationId: string; observation: ReplicationObservation } | { ok: false; simulationId?: string; error: string };

/**
 * Runs one replication of a check through the normal simulations path: launched like any run (the
 * user's quota, the server's limits, the runs list), registered for its series slice before its job
 * is published, awaited, then read back as an observation for the pure evaluation.
 */
@Injectable()
export class ReplicationRunner {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly records: SimulationRepository,
    private readonly checks: CheckRunRepository,
  ) {}

  async run(checkRunId: string, designId: string, config: SimulationConfig, components: string[], user: AuthUser): Promise<ReplicationOutcome> {
    const deadline = Date.now() + QUOTA_WAIT_MS;
    let id: string;
    for (;;) {
      try {
        id = (await this.simulations.launch(designId, config, user, (simId) => this.checks.addReplication(simId, checkRunId, components))).id;
        break;
      } catch (error) {
        if (error instanceof ApiException && error.status === 429 && Date.now() < deadline) {
          await sleep(1000);
          continue;
        }
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    for (;;) {
      const record = await this.records.find(id);
      if (!record) return { ok: false, simulationId: id, error: 'the simulation disappeared' };
      if (record.status === 'FAILED' || record.status === 'CANCELLED') return { ok: false, simulationId: id, error: `simulation ${id} ${record.status.toLowerCase()}${record.error ? `: ${record.error}` : ''}` };
      if (record.status === 'COMPLETED') break;
      await sleep(POLL_MS);
    }
    const stored = await this.checks.replicationResult(id);
    if (!stored?.series) return { ok: false, simulationId: id, error: `simulation ${id} completed without its series` };
    const settings = stored.settings as { durationSec: number; warmupSec: number; bucketSec: number; seed: number };
    const series = stored.series as { bucketSec: number; endToEnd: SeriesSet; components: Record<string, SeriesSet> };
    return {
      ok: true,
      simulationId: id,
      observation: { seed: settings.seed, summary: stored.summary as Summary, settings, timeseries: series, faults: stored.faults as ReplicationObservation['faults'] },
    };
  }
}
