import { randomUUID } from 'node:crypto';
import type { SimulationsConfig } from '../src/config';
import { SimulationAccess } from '../src/services/simulation-access';
import { SimulationsService } from '../src/services/simulations.service';
import { FakeJobBus } from './fakes/fake-buses';
import { FakeSimulations } from './fakes/fake-simulations';
import { DESIGN, FakePeers } from './fakes/job-world';

/* Launching, reading and cancelling simulations, against in-memory repositories. */

const CONFIG = { SIM_MAX_DURATION_SEC: 3600, SIM_MAX_EVENTS: 1_000_000, SIM_MAX_ACTIVE_PER_USER: 2 } as SimulationsConfig;
const USER = { id: 'user-1', email: 'u@example.com' };
const PROJECT = 'project-1';
const RUN = { durationSec: 60 };

function service(role: 'owner' | 'editor' | 'viewer' | null = 'editor') {
  const simulations = new FakeSimulations();
  const peers = new FakePeers();
  const bus = new FakeJobBus();
  const designId = randomUUID();
  peers.addVersion(designId, PROJECT);
  if (role) peers.roles.set(`${PROJECT}/${USER.id}`, role);
  const simulationsService = new SimulationsService(simulations.asRepository(), peers.asRepository(), new SimulationAccess(peers.asRepository()), bus.asRepository(), CONFIG);
  return { simulations, peers, bus, designId, service: simulationsService };
}

describe('the simulations service', () => {
  describe('launch', () => {
    it('stores a PENDING simulation with the events budget defaulted, and queues its job with the validated design', async () => {
      const { service: s, simulations, bus, designId } = service();
      const created: string[] = [];
      const launched = await s.launch(designId, { durationSec: 60, seed: 3 }, USER, async (id) => void created.push(id));

      expect(launched).toEqual({ id: expect.any(String), status: 'PENDING' });
      expect(created).toEqual([launched.id]);
      const row = simulations.get(launched.id);
      expect(row).toMatchObject({ status: 'PENDING', designId, projectId: PROJECT, userId: USER.id, configuration: expect.objectContaining({ durationSec: 60, seed: 3, maxEvents: CONFIG.SIM_MAX_EVENTS }) });
      expect(bus.jobs).toEqual([expect.objectContaining({ simulationId: launched.id, userId: USER.id, design: DESIGN, configuration: row.configuration })]);
      expect(bus.statuses).toEqual([{ id: launched.id, status: 'PENDING', progress: 0, sequence: 0 }]);
    });

    it('registers a check run replication before its job is queued', async () => {
      const { service: s, bus, designId } = service();
      const jobsAtCreation: number[] = [];
      await s.launch(designId, RUN, USER, async () => void jobsAtCreation.push(bus.jobs.length));
      expect(jobsAtCreation).toEqual([0]);
      expect(bus.jobs).toHaveLength(1);
    });

    it('answers 404 for an unknown or malformed design id, and for a design the user may not see', async () => {
      const { service: s } = service(null);
      await expect(s.launch('not-a-uuid', RUN, USER)).rejects.toMatchObject({ status: 404, code: 'not_found' });
      await expect(s.launch(randomUUID(), RUN, USER)).rejects.toMatchObject({ status: 404 });
      const hidden = service(null);
      await expect(hidden.service.launch(hidden.designId, RUN, USER)).rejects.toMatchObject({ status: 404 });
    });

    it('lets a viewer read but not launch', async () => {
      const { service: s, designId, bus } = service('viewer');
      await expect(s.launch(designId, RUN, USER)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
      expect(bus.jobs).toEqual([]);
    });

    it("refuses a configuration over this server's limits, naming the field", async () => {
      const { service: s, designId, simulations } = service();
      await expect(s.launch(designId, { durationSec: 3601 }, USER)).rejects.toMatchObject({ status: 400, details: [expect.objectContaining({ path: 'durationSec', code: 'too_big' })] });
      await expect(s.launch(designId, { durationSec: 60, maxEvents: 1_000_001 }, USER)).rejects.toMatchObject({ status: 400, details: [expect.objectContaining({ path: 'maxEvents' })] });
      await expect(s.launch(designId, { durationSec: -1 }, USER)).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
      expect(simulations.rows.size).toBe(0);
    });

    it('answers 429 with the count, the limit and a retry delay past SIM_MAX_ACTIVE_PER_USER', async () => {
      const { service: s, designId, bus } = service();
      await s.launch(designId, RUN, USER);
      await s.launch(designId, RUN, USER);
      await expect(s.launch(designId, RUN, USER)).rejects.toMatchObject({ status: 429, code: 'too_many_simulations', details: { active: 2, limit: 2, retryAfterSec: 5 } });
      expect(bus.jobs).toHaveLength(2);
    });
  });

  describe('cancel', () => {
    it('cancels a PENDING simulation at once and tells its listeners', async () => {
      const { service: s, simulations, bus } = service();
      const row = simulations.add({ status: 'PENDING', projectId: PROJECT, progress: 0 });
      const dto = await s.cancel(row.id, USER);
      expect(dto.status).toBe('CANCELLED');
      expect(bus.statuses).toEqual([{ id: row.id, status: 'CANCELLED', progress: 0, sequence: 3e7 }]);
    });

    it('asks the worker of a RUNNING simulation to stop, which reports CANCELLED itself', async () => {
      const { service: s, simulations, bus } = service();
      const row = simulations.add({ status: 'RUNNING', projectId: PROJECT });
      const dto = await s.cancel(row.id, USER);
      expect(dto.status).toBe('RUNNING');
      expect(simulations.get(row.id).cancelRequested).toBe(true);
      expect(bus.statuses).toEqual([]);
    });

    it('leaves a finished simulation as it is', async () => {
      const { service: s, simulations } = service();
      const row = simulations.add({ status: 'COMPLETED', projectId: PROJECT });
      expect((await s.cancel(row.id, USER)).status).toBe('COMPLETED');
      expect(simulations.get(row.id).cancelRequested).toBe(false);
    });

    it('lets a viewer not cancel', async () => {
      const { service: s, simulations } = service('viewer');
      const row = simulations.add({ status: 'PENDING', projectId: PROJECT });
      await expect(s.cancel(row.id, USER)).rejects.toMatchObject({ status: 403 });
      expect(simulations.get(row.id).status).toBe('PENDING');
    });
  });

  describe('reading', () => {
    it('returns a completed simulation with its result to a member, and 404 to anyone else', async () => {
      const { service: s, simulations } = service('viewer');
      const row = simulations.add({ status: 'COMPLETED', projectId: PROJECT });
      simulations.results.set(row.id, { summary: { endToEnd: {} }, ci95: undefined, settings: {}, replications: 2, events: 9, wallMs: 3, faults: [] });
      const dto = await s.get(row.id, USER);
      expect(dto).toMatchObject({ id: row.id, status: 'COMPLETED', summary: { endToEnd: {} }, result: { replications: 2, events: 9, wallMs: 3 } });
      await expect(s.get(row.id, { id: 'stranger', email: 's@example.com' })).rejects.toMatchObject({ status: 404 });
      await expect(s.get('nope', USER)).rejects.toMatchObject({ status: 404 });
    });

    it("shows a PENDING simulation's queue position", async () => {
      const { service: s, simulations } = service();
      const row = simulations.add({ status: 'PENDING', projectId: PROJECT, queuePosition: 3 });
      expect((await s.get(row.id, USER)).queuePosition).toBe(3);
    });

    it("answers a peer service with a simulation's project", async () => {
      const { service: s, simulations } = service();
      const row = simulations.add({ status: 'RUNNING', projectId: PROJECT });
      expect(await s.owner(row.id)).toEqual({ id: row.id, projectId: PROJECT, designId: row.designId, status: 'RUNNING' });
      await expect(s.owner(randomUUID())).rejects.toMatchObject({ status: 404 });
    });
  });
});
