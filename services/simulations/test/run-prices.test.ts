import { designSchema, type PriceOverride } from '@architech/contracts';
import { flush } from './fakes/fake-clock';
import { DESIGN_INPUT, jobWorld } from './fakes/job-world';

/* A run of a design with provider blocks is priced with its project's overrides, and its cost is stored. */

const PRICED = designSchema.parse({
  ...DESIGN_INPUT,
  components: DESIGN_INPUT.components.map((c) => (c.id === 'api' ? { ...c, properties: { ...c.properties, provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } } : c)),
});
const OVERRIDES: PriceOverride[] = [{ provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.05 }];
const COST = { windowSec: 60, currency: 'USD', total: 0.001, monthly: 43.8, perMillionSuccessful: 1.5, components: { api: { instance: 0.001, requests: 0, compute: 0, total: 0.001, monthly: 43.8 } }, unpriced: [], overrides: 1 };
const RESULT = { summary: { endToEnd: { count: 5 } }, settings: { durationSec: 60 }, replications: 1, events: 100, wallMs: 7, faults: [], cost: COST };

describe('pricing a run', () => {
  it('hands the engine the project’s overrides and stores the cost the engine computed', async () => {
    const world = jobWorld();
    world.peers.prices.set('project-1', OVERRIDES);
    const job = { ...world.pendingJob(), design: PRICED };
    const done = world.executor.execute(world.engine, job);
    await flush();
    const run = world.engine.last();
    expect(run.options.priceOverrides).toEqual(OVERRIDES);
    run.take();
    await flush();
    run.end({ kind: 'done', resultJson: JSON.stringify(RESULT) });
    await done;
    expect(world.simulations.results.get(job.simulationId)).toMatchObject({ cost: COST });
  });

  it('asks nothing for a design without provider blocks', async () => {
    const world = jobWorld();
    world.peers.prices.set('project-1', OVERRIDES);
    const job = world.pendingJob();
    void world.executor.execute(world.engine, job);
    await flush();
    expect(world.engine.last().options.priceOverrides).toBeUndefined();
    world.engine.last().cancel();
  });

  it('prices at list prices when the projects service cannot answer', async () => {
    const world = jobWorld();
    world.peers.priceOverrides = async () => {
      throw new Error('projects unavailable');
    };
    const job = { ...world.pendingJob(), design: PRICED };
    void world.executor.execute(world.engine, job);
    await flush();
    expect(world.engine.last().options.priceOverrides).toBeUndefined();
    world.engine.last().cancel();
  });
});
