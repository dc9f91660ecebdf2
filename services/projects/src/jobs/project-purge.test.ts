import type { Clock, Timer } from '@architech/service-kit';
import type { ProjectRepository } from '../repositories/project.repository';
import { PROJECTS_PER_STEP, ProjectPurge } from './project-purge';

/* The purge with a clock it is given and projects in the trash held in memory. */

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

/** Projects in the trash (id → deleted at), deleted for good as the repository's purge would. */
class FakeTrash implements Pick<ProjectRepository, 'purge'> {
  readonly deletedAt = new Map<string, number>();
  readonly steps: number[] = [];

  async purge(deletedBefore: Date, limit: number): Promise<{ id: string; name: string }[]> {
    const due = [...this.deletedAt].filter(([, at]) => at < deletedBefore.getTime()).sort((a, b) => a[1] - b[1]).slice(0, limit);
    for (const [id] of due) this.deletedAt.delete(id);
    this.steps.push(due.length);
    return due.map(([id]) => ({ id, name: `project ${id}` }));
  }
}

function world(trashDays = 30) {
  const scheduled: number[] = [];
  const timer = (ms: number): Timer => (scheduled.push(ms), { stop: () => undefined });
  const clock = { time: NOW, now: () => clock.time, every: timer, after: timer } as Clock & { time: number };
  const trash = new FakeTrash();
  const purge = new ProjectPurge(trash as unknown as ProjectRepository, clock, trashDays, 60);
  return { purge, clock, trash, scheduled };
}

describe('the project purge', () => {
  it('deletes for good exactly the projects in the trash for longer than the grace period', async () => {
    const { purge, trash } = world(30);
    trash.deletedAt.set('old', NOW - 31 * DAY_MS);
    trash.deletedAt.set('just-due', NOW - 30 * DAY_MS - 1);
    trash.deletedAt.set('just-kept', NOW - 30 * DAY_MS + 1);
    trash.deletedAt.set('new', NOW - DAY_MS);
    expect(await purge.purge()).toEqual(['old', 'just-due']);
    expect([...trash.deletedAt.keys()]).toEqual(['just-kept', 'new']);
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
