import { HEARTBEAT_MS, RunHeartbeat } from '../src/jobs/run-heartbeat';
import { FakeClock, flush } from './fakes/fake-clock';
import { FakeSimulations } from './fakes/fake-simulations';

/* A run's heartbeat: progress written on the clock, and the watch that stops cancelled runs. */

function setup(state: { status: 'PENDING' | 'RUNNING'; waiting: boolean; started: boolean }) {
  const clock = new FakeClock();
  const simulations = new FakeSimulations();
  const row = simulations.add({ status: state.status, heartbeatAt: state.status === 'RUNNING' ? new Date(clock.now()) : null });
  const run = { id: row.id, cancels: 0, waiting: state.waiting, started: state.started };
  const heartbeat = new RunHeartbeat(
    { id: row.id, started: async () => run.started, waiting: () => run.waiting, cancel: () => void run.cancels++ },
    simulations.asRepository(),
    clock,
    { error: () => undefined },
  );
  return { clock, simulations, row, run, heartbeat };
}

describe('the heartbeat of a run', () => {
  it('writes progress at most once per HEARTBEAT_MS, stamped with the clock', async () => {
    const { clock, simulations, row, heartbeat } = setup({ status: 'RUNNING', waiting: false, started: true });
    const t0 = clock.now();
    heartbeat.progress(0.1);
    await flush();
    expect(simulations.get(row.id)).toMatchObject({ progress: 0.1, heartbeatAt: new Date(t0) });

    await clock.advance(HEARTBEAT_MS - 1);
    heartbeat.progress(0.2);
    await flush();
    expect(simulations.get(row.id).progress).toBe(0.1);

    await clock.advance(1);
    heartbeat.progress(0.3);
    await heartbeat.end();
    expect(simulations.get(row.id)).toMatchObject({ progress: 0.3, heartbeatAt: new Date(t0 + HEARTBEAT_MS) });
  });

  it('writes nothing before the run started here', async () => {
    const { simulations, row, heartbeat } = setup({ status: 'RUNNING', waiting: false, started: false });
    const before = simulations.get(row.id).heartbeatAt;
    heartbeat.progress(0.5);
    await heartbeat.end();
    expect(simulations.get(row.id)).toMatchObject({ progress: 0, heartbeatAt: before });
  });

  it('stops the run when a heartbeat finds a cancel requested', async () => {
    const { simulations, row, run, heartbeat } = setup({ status: 'RUNNING', waiting: false, started: true });
    await simulations.requestCancel(row.id);
    heartbeat.progress(0.5);
    await heartbeat.end();
    expect(run.cancels).toBe(1);
  });

  it('keeps a running run alive between progress reports (progress kept) and stops it once cancelled', async () => {
    const { clock, simulations, row, run, heartbeat } = setup({ status: 'RUNNING', waiting: false, started: true });
    heartbeat.progress(0.4);
    heartbeat.startWatch();
    await clock.advance(3 * HEARTBEAT_MS);
    expect(simulations.get(row.id)).toMatchObject({ progress: 0.4, heartbeatAt: new Date(clock.now()) });
    expect(run.cancels).toBe(0);

    await simulations.requestCancel(row.id);
    await clock.advance(HEARTBEAT_MS);
    expect(run.cancels).toBe(1);
    await heartbeat.end();
  });

  it('stops a waiting run once it is no longer PENDING (cancelled while queued), and watches no more after the end', async () => {
    const { clock, simulations, row, run, heartbeat } = setup({ status: 'PENDING', waiting: true, started: false });
    heartbeat.startWatch();
    await clock.advance(2 * HEARTBEAT_MS);
    expect(run.cancels).toBe(0);
    expect(simulations.get(row.id).heartbeatAt).toBeNull();

    await simulations.finish(row.id, 'CANCELLED', null);
    await clock.advance(HEARTBEAT_MS);
    expect(run.cancels).toBe(1);

    await heartbeat.end();
    await clock.advance(5 * HEARTBEAT_MS);
    expect(run.cancels).toBe(1);
    expect(clock.active).toBe(0);
  });
});
