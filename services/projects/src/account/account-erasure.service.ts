import { Inject, Injectable } from '@nestjs/common';
import type { AccountProjectDto, AuditEventDto } from '@architech/contracts';
import { CLOCK, DATA_SOURCE, type Clock } from '@architech/service-kit';
import { PeerDataRepository, type ExportedDesign } from '../repositories/peer-data.repository';
import type { Queryable } from '../repositories/queryable';
import { TransactionRunner } from '../repositories/transaction-runner';
import { UserDirectoryRepository } from '../repositories/user-directory.repository';
import { RequirementRepository } from '../requirements/requirement.repository';
import { ProjectPurger } from '../services/project-purger';
import { AccountDataRepository, type Membership } from './account-data.repository';

/** What an erasure did (the users service's EraseOutcome). */
export interface EraseOutcome {
  deletedProjects: string[];
  transferredProjects: { projectId: string; to: string }[];
  leftProjects: string[];
}

/** One project of a user's data export. */
export interface ExportedProject {
  project: Record<string, unknown> & { id: string };
  members: { userId: string; role: string }[];
  requirements: unknown[];
  designs: ExportedDesign[];
  runs: (Record<string, unknown> & { id: string })[];
  checkRuns: unknown[];
}

const soleOwner = (m: Membership) => m.role === 'owner' && m.owners === 1;

/**
 * The projects side of deleting an account (docs/data-lifecycle.md, privacy operations), asked by
 * the users service: projects the user alone owns are handed to the member the user named or
 * deleted for good with their designs, runs and telemetry; the user leaves every other project;
 * the user's id is replaced by an anonymous actor id here, in designs and in simulations. Every
 * step is idempotent, so the users service retries an erasure that failed part way.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly data: AccountDataRepository,
    private readonly transactions: TransactionRunner,
    private readonly purger: ProjectPurger,
    private readonly peers: PeerDataRepository,
    private readonly directory: UserDirectoryRepository,
    @Inject(DATA_SOURCE) private readonly db: Queryable,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The user's projects as a deletion treats them, with the other members' names. */
  async overview(userId: string): Promise<AccountProjectDto[]> {
    const memberships = await this.data.memberships(userId);
    const users = await this.directory.findByIds([...new Set(memberships.flatMap((m) => m.others.map((o) => o.userId)))]);
    return memberships.map((m) => ({
      id: m.projectId,
      name: m.name,
      role: m.role,
      inTrash: m.inTrash,
      soleOwner: soleOwner(m),
      members: m.others.map((o) => ({ userId: o.userId, role: o.role, email: users.get(o.userId)?.email ?? '', name: users.get(o.userId)?.name ?? '' })),
    }));
  }

  async erase(userId: string, anonymousId: string, transferTo: Record<string, string>): Promise<EraseOutcome> {
    const outcome: EraseOutcome = { deletedProjects: [], transferredProjects: [], leftProjects: [] };
    const wanted = new Map(Object.entries(transferTo).map(([p, u]) => [p.toLowerCase(), u.toLowerCase()]));
    for (const m of await this.data.memberships(userId)) {
      const to = wanted.get(m.projectId);
      if (soleOwner(m) && to && (await this.transfer(m, userId, to, anonymousId))) outcome.transferredProjects.push({ projectId: m.projectId, to });
      else if (soleOwner(m)) {
        await this.remove(m, anonymousId);
        outcome.deletedProjects.push(m.projectId);
      } else {
        await this.leave(m, userId, anonymousId);
        outcome.leftProjects.push(m.projectId);
      }
    }
    await this.data.anonymise(userId, anonymousId);
    await this.peers.anonymiseUser(userId, anonymousId);
    return outcome;
  }

  /** Makes `to` an owner and removes the user; false when `to` is no longer a member (the project is then deleted). */
  private transfer(m: Membership, userId: string, to: string, anonymousId: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      await tx.projects.lockForUpdate(m.projectId);
      const target = await tx.members.find(m.projectId, to);
      if (!target) return false;
      await tx.members.setRole(target, 'owner');
      await tx.members.remove(m.projectId, userId);
      await tx.audit.record({ actorId: anonymousId, action: 'project.transferred', resourceType: 'project', resourceId: m.projectId, projectId: m.projectId, details: { to, fromRole: target.role, reason: 'account deleted' } });
      return true;
    });
  }

  /** Deletes a sole-owned project for good: audited as deleted, then purged with everything in it. */
  private async remove(m: Membership, anonymousId: string): Promise<void> {
    if (!m.inTrash) {
      await this.transactions.run(async (tx) => {
        await tx.projects.setDeleted(m.projectId, new Date(this.clock.now()), anonymousId);
        await tx.audit.record({ actorId: anonymousId, action: 'project.deleted', resourceType: 'project', resourceId: m.projectId, projectId: m.projectId, details: { name: m.name, reason: 'account deleted', purgeAt: new Date(this.clock.now()).toISOString() } });
      });
    }
    // After commit: no calls to other services inside a transaction (TransactionRunner).
    await this.purger.purge(m.projectId);
  }

  private leave(m: Membership, userId: string, anonymousId: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      await tx.members.remove(m.projectId, userId);
      await tx.audit.record({ actorId: anonymousId, action: 'member.removed', resourceType: 'project_member', resourceId: anonymousId, projectId: m.projectId, details: { userId: anonymousId, role: m.role, self: true, reason: 'account deleted' } });
    });
  }

  /** Everything of the user's projects for the data export, and the audit entries the user made here, in designs and in simulations. */
  async exportOf(userId: string): Promise<{ projects: ExportedProject[]; audit: AuditEventDto[] }> {
    const projects: ExportedProject[] = [];
    const requirements = new RequirementRepository(this.db);
    for (const m of await this.data.memberships(userId)) {
      const { runs, checkRuns } = await this.peers.runsOf(m.projectId);
      projects.push({
        project: { id: m.projectId, name: m.name, description: m.description, role: m.role, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(), deletedAt: m.deletedAt?.toISOString() ?? null },
        members: m.others,
        requirements: await requirements.list(m.projectId),
        designs: await this.peers.designsOf(m.projectId),
        runs,
        checkRuns,
      });
    }
    const audit = [...((await this.data.auditBy(userId)) as unknown as AuditEventDto[]), ...(await this.peers.auditBy(userId))];
    audit.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    return { projects, audit };
  }
}
