import type { SimulationStatusUpdate } from '@architech/contracts';
import { INSTANCE, jobWorld } from './fakes/job-world';

/* Status events from the bus reach this instance's live listeners without the bus-only fields. */

describe('the status relay', () => {
  it('reads every status event in a consumer group of its own instance', async () => {
    const { bus, relay } = jobWorld();
    await relay.start();
    expect(bus.statusGroups).toEqual([`simulations-live-${INSTANCE}`]);
    await relay.stop();
    expect(bus.stopped).toBe(1);
  });

  it('hands the listeners of a simulation its updates with the worker id and summary stripped', async () => {
    const { bus, hub, relay } = jobWorld();
    await relay.start();
    const seen: SimulationStatusUpdate[] = [];
    hub.listen('sim-1', (u) => seen.push(u));
    const other: SimulationStatusUpdate[] = [];
    hub.listen('sim-2', (u) => other.push(u));

    bus.statusHandler!({ id: 'sim-1', status: 'COMPLETED', progress: 1, events: 10, sequence: 3e7, workerId: 'host-b:1:x', summary: { endToEnd: {} } as never });

    expect(seen).toEqual([{ id: 'sim-1', status: 'COMPLETED', progress: 1, events: 10, sequence: 3e7 }]);
    expect(other).toEqual([]);
  });
});
