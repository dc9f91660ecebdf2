import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { ProjectMemberships, ServiceClient } from '@architech/service-kit';


/** How long a confirmed membership may be reused for reads (0 turns the cache off). */
export class MembershipCachePolicy {
  constructor(readonly ttlMs: number) {}
}

const MAX_CACHED = 10_000;

/**
 * Project memberships, owned by the projects service and read over its internal HTTP API. Reads
 * may reuse a confirmed membership for a short while (a removed member can keep reading for at
 * most that long); writes always ask, and "not a member" is never cached.
 */
@Injectable()
export class ProjectMembershipRepository {
  private readonly confirmed = new Map<string, { role: ProjectRole; untilMs: number }>();

  constructor(
    private readonly projects: ServiceClient,
    private readonly cache: MembershipCachePolicy,
  ) {}

  /** The user's role in the project; undefined when the project does not exist or the user is not a member. */
  async roleOf(projectId: string, userId: string, options: { fresh: boolean }): Promise<ProjectRole | undefined> {
    const key = `${projectId}/${userId}`;
    const now = Date.now();
    if (!options.fresh) {
      const hit = this.confirmed.get(key);
      if (hit && hit.untilMs > now) return hit.role;
    }
    const role = await this.ask(projectId, userId);
    if (role && this.cache.ttlMs > 0) {
      if (this.confirmed.size >= MAX_CACHED) this.confirmed.clear();
      this.confirmed.set(key, { role, untilMs: now + this.cache.ttlMs });
    } else {
      this.confirmed.delete(key);
    }
    return role;
  }

  private ask(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    return new ProjectMemberships(this.projects).roleOf(projectId, userId);
  }
}
