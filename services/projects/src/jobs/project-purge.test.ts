import type { Clock, Timer } from '@architech/service-kit';
import type { ProjectRepository } from '../repositories/project.repository';
import type { ProjectPurger } from '../services/project-purger';
import { PROJECTS_PER_STEP, ProjectPurge } from './project-purge';

/* The purge with a clock it is given, projects in the trash held in memory and a fake cascade. */

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

/** Projects in the trash (id → deleted at), as the repository's due query sees them. */
class FakeTrash implements Pick<ProjectRepository, 'duePurge' | 'deleteForGood'> {
  readonly deletedAt = new Map<string, number>();
  readonly steps: number[] = [];

  async duePurge(deletedBefore: Date, limit: number, skip: string[] = []): Promise<{ id: string; name: string }[]> {
    const due = [...this.deletedAt].filter(([id, at]) => at < deletedBefore.getTime() && !skip.includes(id)).sort((a, b) => a[1] - b[1]).slice(0, limit);
    this.steps.push(due.length);
    return due.map(([id]) => ({ id, name: `project ${id}` }));
  }

  async deleteForGood(id: string): Promise<void> {
    this.deletedAt.delete(id);
  }
}

/** The cascade: what each service was asked to delete, in order; `failing` projects fail there. */
class FakePurger {
  readonly calls: string[] = [];
  readonly failing = new Set<string>();

  constructor(private readonly trash: FakeTrash) {}

  async purge(id: string): Promise<{ designs: number; simulations: number }> {
    this.calls.push(`designs:${id}`);
    if (this.failing.has(id)) throw new Error('simulations service is unreachable');
    this.calls.push(`simulations:${id}`);
    await this.trash.deleteForGood(id);
    return { designs: 2, simulations: 3 };
  }
}

function world(trashDays = 30) {
  const scheduled: number[] = [];
  const timer = (ms: number): Timer => (scheduled.push(ms), { stop: () => undefined });
  const clock = { time: NOW, now: () => clock.time, every: timer, after: timer } as Clock & { time: number };
  const trash = new FakeTrash();
  const purger = new FakePurger(trash);
  const purge = new ProjectPurge(trash as unknown as ProjectRepository, purger as unknown as ProjectPurger, clock, trashDays, 60);
  return { purge, clock, trash, purger, scheduled };
}

describe('the project purge', () => {
  it('deletes for good exactly the projects in the trash for longer than the grace period, with their designs and runs', async () => {
    const { purge, trash, purger } = world(30);
    trash.deletedAt.set('old', NOW - 31 * DAY_MS);
    trash.deletedAt.set('just-due', NOW - 30 * DAY_MS - 1);
    trash.deletedAt.set('just-kept', NOW - 30 * DAY_MS + 1);
    trash.deletedAt.set('new', NOW - DAY_MS);
    expect(await purge.purge()).toEqual(['old', 'just-due']);
    expect([...trash.deletedAt.keys()]).toEqual(['just-kept', 'new']);
    expect(purger.calls).toEqual(['designs:old', 'simulations:old', 'designs:just-due', 'simulations:just-due']);
  });

  it('leaves a project whose cascade failed in the trash, purges the others, and retries it on the next sweep', async () => {
    const { purge, trash, purger } = world(30);
    trash.deletedAt.set('a', NOW - 40 * DAY_MS);
    trash.deletedAt.set('b', NOW - 35 * DAY_MS);
    purger.failing.add('a');
    expect(await purge.purge()).toEqual(['b']);
    expect([...trash.deletedAt.keys()]).toEqual(['a']);
    purger.failing.clear();
    expect(await purge.purge()).toEqual(['a']);
    expect(trash.deletedAt.size).toBe(0);
  });

  it('purges a project once the clock passes its grace period', async () => {
    const { purge, clock, trash } = world(7);
    trash.deletedAt.set('p', NOW - 6 * DAY_MS);
    expect(await purge.purge()).toEqual([]);
    clock.time = NOW + DAY_MS + 1;
    expect(await purge.purge()).toEqual(['p']);
  });

  it('works through a backlog in bounded steps', async () => {
    const { purge, trash } = world(1);
    for (let i = 0; i < PROJECTS_PER_STEP + 5; i++) trash.deletedAt.set(`p${i}`, NOW - 2 * DAY_MS - i);
    expect(await purge.purge()).toHaveLength(PROJECTS_PER_STEP + 5);
    expect(trash.steps).toEqual([PROJECTS_PER_STEP, 5]);
  });

  it('runs on the clock it is given: soon after start, then every LIFECYCLE_SWEEP_SEC', () => {
    const { purge, scheduled } = world();
    purge.onApplicationBootstrap();
    expect(scheduled).toEqual([1000, 60_000]);
  });
});
