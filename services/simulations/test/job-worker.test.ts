import { STALE_RUN_ERROR } from '../src/jobs/stale-run-sweeper';
import { flush } from './fakes/fake-clock';
import { DESIGN, jobWorld, runConfig } from './fakes/job-world';

/* The worker side starts in order: relay, sweep, then jobs and the re-queue of PENDING ones. */

describe('the job worker', () => {
  it('at start, re-queues every PENDING simulation from its stored design version, and runs it', async () => {
    const world = jobWorld();
    const pending = world.simulations.add({ status: 'PENDING', configuration: runConfig({ seed: 7 }) as never });
    world.peers.addVersion(pending.designId, pending.projectId);
    world.simulations.add({ status: 'COMPLETED' });

    await world.worker.onApplicationBootstrap();
    await flush();

    expect(world.bus.jobs).toEqual([{ simulationId: pending.id, designVersionId: pending.designId, userId: 'user-1', design: DESIGN, configuration: runConfig({ seed: 7 }), traceContext: {} }]);
    expect(world.engine.runs).toHaveLength(1);
    expect(world.engine.last().config.seed).toBe(7);
  });

  it('fails a PENDING simulation whose design version can no longer be read, and keeps one it cannot re-queue yet', async () => {
    const world = jobWorld();
    const gone = world.simulations.add({ status: 'PENDING' });
    await world.worker.onApplicationBootstrap();
    expect(world.simulations.get(gone.id)).toMatchObject({ status: 'FAILED', error: 'its design version can no longer be read' });

    const again = jobWorld();
    const later = again.simulations.add({ status: 'PENDING' });
    again.peers.failing = true;
    await again.worker.onApplicationBootstrap();
    expect(again.simulations.get(later.id).status).toBe('PENDING');
    expect(again.bus.jobs).toEqual([]);
  });

  it('relays status and sweeps stale runs, but takes no jobs, with SIM_WORKERS = 0', async () => {
    const world = jobWorld({ SIM_WORKERS: 0 });
    const stale = world.simulations.add({ status: 'RUNNING', heartbeatAt: new Date(world.clock.now() - 60_000) });
    const pending = world.simulations.add({ status: 'PENDING' });
    world.peers.addVersion(pending.designId, pending.projectId);

    await world.worker.onApplicationBootstrap();

    expect(world.bus.statusGroups).toHaveLength(1);
    expect(world.simulations.get(stale.id)).toMatchObject({ status: 'FAILED', error: STALE_RUN_ERROR });
    expect(world.enginesStarted()).toBe(0);
    expect(world.bus.jobHandler).toBeUndefined();
    expect(world.bus.jobs).toEqual([]);
  });

  it('at shutdown stops sweeping, closes the engine pool and stops both subscriptions', async () => {
    const world = jobWorld();
    await world.worker.onApplicationBootstrap();
    expect(world.clock.active).toBe(1);
    await world.worker.beforeApplicationShutdown();
    expect(world.clock.active).toBe(0);
    expect(world.engine.closed).toBe(true);
    expect(world.bus.stopped).toBe(2);
  });
});
