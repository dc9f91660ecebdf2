import { BUS_TOPICS, type SimulationJobMessage, type SimulationStatusMessage } from '@architech/contracts';
import { InProcessEventBus } from '@architech/service-kit';
import { JobBusRepository } from '../src/repositories/job-bus.repository';
import type { SimulationRecord } from '../src/repositories/simulation.repository';
import { flush } from './fakes/fake-clock';
import { DESIGN, runConfig } from './fakes/job-world';

/* The bus repositories put jobs and status events on a real (in-process) bus through the contracts' codecs. */

const RECORD = { id: '6f1c2a44-0000-4000-8000-000000000001', designId: '6f1c2a44-0000-4000-8000-000000000002', userId: 'user-1' } as SimulationRecord;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await flush(1);
}

describe('the job bus repository', () => {
  let bus: InProcessEventBus;
  afterEach(() => bus.close());

  it('publishes a job and its PENDING status, and hands the consumer the decoded job', async () => {
    const failures: unknown[] = [];
    bus = new InProcessEventBus({ onHandlerError: (f) => failures.push(f) });
    const repository = new JobBusRepository(bus);
    const jobs: SimulationJobMessage[] = [];
    const statuses: SimulationStatusMessage[] = [];
    await repository.consumeJobs(async (job) => void jobs.push(job));
    await repository.followStatus('live-test', (event) => statuses.push(event));

    await repository.publishJob(RECORD, DESIGN, runConfig({ seed: 9 }));
    await repository.publishStatus({ id: RECORD.id, status: 'RUNNING', progress: 0.5, sequence: 10_500_000 }, { workerId: 'host:1:a' });
    await until(() => jobs.length === 1 && statuses.length === 2);

    expect(jobs).toEqual([{ simulationId: RECORD.id, designVersionId: RECORD.designId, userId: 'user-1', design: DESIGN, configuration: runConfig({ seed: 9 }), traceContext: {}, requestedAt: expect.any(Date) }]);
    expect(statuses).toEqual([
      expect.objectContaining({ id: RECORD.id, status: 'PENDING', progress: 0, sequence: 0 }),
      expect.objectContaining({ id: RECORD.id, status: 'RUNNING', progress: 0.5, sequence: 10_500_000, workerId: 'host:1:a' }),
    ]);
    expect(failures).toEqual([]);
  });

  it('skips a job that does not decode, and the next one still arrives', async () => {
    const failures: unknown[] = [];
    bus = new InProcessEventBus({ onHandlerError: (f) => failures.push(f) });
    const repository = new JobBusRepository(bus);
    const jobs: SimulationJobMessage[] = [];
    await repository.consumeJobs(async (job) => void jobs.push(job));

    await bus.publish(BUS_TOPICS.simulationJobs, [{ key: RECORD.id, value: new Uint8Array([0xff, 0xff, 0xff]) }]);
    await repository.publishJob(RECORD, DESIGN, runConfig());
    await until(() => jobs.length === 1);

    expect(jobs.map((j) => j.simulationId)).toEqual([RECORD.id]);
    expect(failures).toHaveLength(1);
  });
});
