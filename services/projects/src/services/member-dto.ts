import type { MemberDto, UserDto } from '@architech/contracts';
import type { ProjectMemberEntity } from '../entities/project-member.entity';

/**
 * A member with the email and name the users service gave; both empty when it no longer knows the
 * user, so the membership (which may be an owner's) stays visible and removable.
 */
export function toMemberDto(member: ProjectMemberEntity, user: UserDto | undefined): MemberDto {
  return { userId: member.userId, email: user?.email ?? '', name: user?.name ?? '', role: member.role, addedAt: member.addedAt.toISOString() };
}
