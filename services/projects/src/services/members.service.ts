import { Injectable } from '@nestjs/common';
import type { AddMemberInput, MemberDto, ProjectRole } from '@architech/contracts';
import { ApiException, isUuid, type AuditRecord } from '@architech/service-kit';
import type { ProjectMemberEntity } from '../entities/project-member.entity';
import { MemberRepository } from '../repositories/member.repository';
import { TransactionRunner, type ProjectsTransaction } from '../repositories/transaction-runner';
import { UserDirectoryRepository } from '../repositories/user-directory.repository';
import { ProjectAccess } from './project-access';
import { leavesNoOwner } from './project-roles';
import { toMemberDto } from './member-dto';

/**
 * Who belongs to a project and with which role. Owners manage members; anyone may leave; a
 * project always keeps an owner. Every change is audited in its transaction.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly users: UserDirectoryRepository,
    private readonly access: ProjectAccess,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The project's members with their emails and names, in the order they joined. */
  async list(projectId: string, userId: string): Promise<MemberDto[]> {
    await this.access.requireRole(projectId, userId, 'viewer');
    const members = await this.members.listByProject(projectId);
    const users = await this.users.findByIds(members.map((m) => m.userId));
    return members.map((m) => toMemberDto(m, users.get(m.userId)));
  }

  /** Adds the user with `input.email` (owners only). */
  async add(projectId: string, actorId: string, input: AddMemberInput): Promise<MemberDto> {
    // Authorize before asking the users service, so only owners learn whether an email has an account.
    await this.access.requireRole(projectId, actorId, 'owner');
    const user = await this.users.findByEmail(input.email);
    if (!user) throw new ApiException(404, 'not_found', `no user with email ${input.email}`);
    const member = await this.transactions.run(async (tx) => {
      await this.access.requireRole(projectId, actorId, 'owner', tx);
      const added = await tx.members.add(projectId, user.id, input.role);
      if (!added) throw ApiException.conflict(`${user.email} is already a member of this project`, { userId: user.id });
      await tx.audit.record(memberEvent(actorId, 'member.added', added, { role: added.role }));
      return added;
    });
    return toMemberDto(member, user);
  }

  /** Changes a member's role (owners only). */
  async changeRole(projectId: string, actorId: string, userId: string, role: ProjectRole): Promise<MemberDto> {
    const member = await this.transactions.run(async (tx) => {
      await this.access.requireRole(projectId, actorId, 'owner', tx);
      const target = await findMember(tx, projectId, userId);
      if (target.role === role) return target;
      await refuseIfLastOwner(tx, target, role);
      const changed = await tx.members.setRole(target, role);
      await tx.audit.record(memberEvent(actorId, 'member.role_changed', changed, { from: target.role, to: role }));
      return changed;
    });
    // After commit: no calls to other services inside a transaction (TransactionRunner).
    return toMemberDto(member, (await this.users.findByIds([userId])).get(userId));
  }

  /** Removes a member: owners may remove anyone, every member may remove themselves. */
  remove(projectId: string, actorId: string, userId: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      await this.access.requireRole(projectId, actorId, actorId === userId ? 'viewer' : 'owner', tx);
      const target = await findMember(tx, projectId, userId);
      await refuseIfLastOwner(tx, target, undefined);
      await tx.members.remove(projectId, userId);
      await tx.audit.record(memberEvent(actorId, 'member.removed', target, { role: target.role, self: actorId === userId }));
    });
  }
}

async function findMember(tx: ProjectsTransaction, projectId: string, userId: string): Promise<ProjectMemberEntity> {
  // The member's id arrives unchecked, so that the caller's role is judged first (members.controller.ts).
  const member = isUuid(userId) ? await tx.members.find(projectId, userId) : null;
  if (!member) throw ApiException.notFound('member');
  return member;
}

async function refuseIfLastOwner(tx: ProjectsTransaction, member: ProjectMemberEntity, to: ProjectRole | undefined): Promise<void> {
  if (member.role !== 'owner') return;
  if (leavesNoOwner(await tx.members.countOwners(member.projectId), member.role, to)) {
    throw ApiException.conflict('a project needs at least one owner', { userId: member.userId });
  }
}

function memberEvent(actorId: string, action: string, member: ProjectMemberEntity, details: Record<string, unknown>): AuditRecord {
  return { actorId, action, resourceType: 'project_member', resourceId: member.userId, projectId: member.projectId, details: { userId: member.userId, ...details } };
}
