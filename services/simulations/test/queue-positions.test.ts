import { QueuePositions } from '../src/jobs/queue-positions';
import { flush } from './fakes/fake-clock';
import { FakeSimulations } from './fakes/fake-simulations';

/* The places of the runs waiting in this instance's pool, written to their rows. */

describe('queue positions', () => {
  it("records each waiting run's place in the pool, and none for a run that left or that the pool no longer holds", async () => {
    const simulations = new FakeSimulations();
    const [a, b, c, d] = [0, 1, 2, 3].map(() => simulations.add({ status: 'PENDING' }));
    const positions = new QueuePositions(simulations.asRepository());
    const places = new Map([[11, 2], [12, 1], [13, 3]]);
    positions.follow(() => places);
    positions.waiting(a.id, 11);
    positions.waiting(b.id, 12);
    positions.waiting(c.id, 13);
    positions.waiting(d.id, 14);
    positions.leave(c.id);
    positions.changed();
    await positions.settled();
    expect(simulations.positionWrites).toEqual([new Map([[a.id, 2], [b.id, 1]])]);
    expect(positions.isWaiting(c.id)).toBe(false);
  });

  it('coalesces changes: one write in flight, the changes made meanwhile written together by the next', async () => {
    const simulations = new FakeSimulations();
    const row = simulations.add({ status: 'PENDING' });
    const positions = new QueuePositions(simulations.asRepository());
    let place = 5;
    positions.follow(() => new Map([[1, place]]));
    positions.waiting(row.id, 1);
    for (let i = 0; i < 10; i++) positions.changed();
    await flush();
    place = 4;
    positions.changed();
    positions.changed();
    await positions.settled();
    expect(simulations.positionWrites).toEqual([new Map([[row.id, 5]]), new Map([[row.id, 4]])]);
    expect(simulations.get(row.id).queuePosition).toBe(4);
  });
});
