import { LOCAL_QUEUE_LIMIT } from '../src/jobs/job-consumer';
import { flush } from './fakes/fake-clock';
import { jobWorld } from './fakes/job-world';

/* Jobs from the bus into this instance's engine pool, each PENDING simulation once. */

async function started() {
  const world = jobWorld();
  await world.consumer.start();
  return world;
}

describe('the job consumer', () => {
  it('starts the engine pool and consumes jobs; stopping closes the pool and the subscription', async () => {
    const { consumer, bus, engine, enginesStarted } = await started();
    expect(enginesStarted()).toBe(1);
    expect(bus.jobHandler).toBeDefined();
    await consumer.stop();
    expect(engine.closed).toBe(true);
    expect(bus.stopped).toBe(1);
  });

  it('runs a job delivered twice once', async () => {
    const { consumer, engine, pendingJob } = await started();
    const job = pendingJob();
    await consumer.take(job);
    await consumer.take(job);
    await flush();
    expect(engine.runs).toHaveLength(1);
  });

  it('takes a job again once its first delivery ended (it may be PENDING again)', async () => {
    const { consumer, engine, simulations, pendingJob } = await started();
    const job = pendingJob();
    await consumer.take(job);
    await flush();
    engine.last().end({ kind: 'cancelled' });
    await flush();
    expect(simulations.get(job.simulationId).status).toBe('PENDING');
    await consumer.take(job);
    await flush();
    expect(engine.runs).toHaveLength(2);
  });

  it('skips the job of a simulation that is no longer PENDING', async () => {
    const { consumer, engine, simulations, pendingJob } = await started();
    const job = pendingJob();
    await simulations.finish(job.simulationId, 'CANCELLED', null);
    await consumer.take(job);
    await flush();
    expect(engine.runs).toHaveLength(0);
  });

  it(`holds at most LOCAL_QUEUE_LIMIT (${LOCAL_QUEUE_LIMIT}) jobs before it waits for one to end`, async () => {
    const { consumer, engine, pendingJob } = await started();
    for (let i = 0; i < LOCAL_QUEUE_LIMIT; i++) await consumer.take(pendingJob());
    let taken = false;
    const over = consumer.take(pendingJob()).then(() => (taken = true));
    await flush();
    expect(engine.runs).toHaveLength(LOCAL_QUEUE_LIMIT + 1);
    expect(taken).toBe(false);
    engine.runs[0].end({ kind: 'cancelled' });
    engine.last().end({ kind: 'cancelled' });
    await over;
    expect(taken).toBe(true);
  });

  it("records the queue positions the pool reports when its queue changes", async () => {
    const { consumer, engine, simulations, pendingJob } = await started();
    const first = pendingJob();
    const second = pendingJob();
    await consumer.take(first);
    await consumer.take(second);
    await flush();
    expect(simulations.get(first.simulationId).queuePosition).toBe(1);
    expect(simulations.get(second.simulationId).queuePosition).toBe(2);

    engine.runs[0].take();
    engine.queueChanged();
    await flush();
    expect(simulations.get(first.simulationId)).toMatchObject({ status: 'RUNNING', queuePosition: null });
    expect(simulations.get(second.simulationId).queuePosition).toBe(1);
  });
});
