import { STALE_RUN_ERROR, SWEEP_MS } from '../src/jobs/stale-run-sweeper';
import { jobWorld } from './fakes/job-world';

/* The sweeper fails RUNNING runs whose worker went silent, on the injected clock. */

describe('the stale run sweeper', () => {
  it('fails a RUNNING run whose last heartbeat is older than SIM_HEARTBEAT_TIMEOUT_SEC, and not a fresh one', async () => {
    const { clock, simulations, bus, sweeper } = jobWorld({ SIM_HEARTBEAT_TIMEOUT_SEC: 30 });
    const now = clock.now();
    const silent = simulations.add({ status: 'RUNNING', heartbeatAt: new Date(now - 31_000) });
    const fresh = simulations.add({ status: 'RUNNING', heartbeatAt: new Date(now - 29_000) });
    const pending = simulations.add({ status: 'PENDING' });

    await sweeper.sweep();

    expect(simulations.get(silent.id)).toMatchObject({ status: 'FAILED', error: STALE_RUN_ERROR });
    expect(simulations.get(fresh.id).status).toBe('RUNNING');
    expect(simulations.get(pending.id).status).toBe('PENDING');
    expect(bus.statuses).toEqual([{ id: silent.id, status: 'FAILED', progress: 0, error: STALE_RUN_ERROR, sequence: 3e7 }]);
  });

  it('sweeps at start and then every SWEEP_MS, so a run that goes silent later is failed once the clock passes its timeout', async () => {
    const { clock, simulations, bus, sweeper } = jobWorld({ SIM_HEARTBEAT_TIMEOUT_SEC: 30 });
    const run = simulations.add({ status: 'RUNNING', heartbeatAt: new Date(clock.now()) });
    await sweeper.start();
    expect(simulations.get(run.id).status).toBe('RUNNING');

    await clock.advance(30_000);
    expect(simulations.get(run.id).status).toBe('RUNNING');
    await clock.advance(SWEEP_MS);
    expect(simulations.get(run.id).status).toBe('FAILED');
    expect(bus.statusesOf(run.id)).toEqual(['FAILED']);

    sweeper.stop();
    const later = simulations.add({ status: 'RUNNING', heartbeatAt: new Date(clock.now()) });
    await clock.advance(60_000);
    expect(simulations.get(later.id).status).toBe('RUNNING');
  });
});
