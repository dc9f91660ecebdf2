import type { ProjectRole } from '@architech/contracts';

const RANK: Record<ProjectRole, number> = { viewer: 0, editor: 1, owner: 2 };

/**
 * Whether `role` grants at least what `minimum` does: owner ⊇ editor ⊇ viewer.
 *
 * @example roleAtLeast('owner', 'editor') === true; roleAtLeast('viewer', 'editor') === false
 */
export function roleAtLeast(role: ProjectRole, minimum: ProjectRole): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Whether changing one member from `from` to `to` (undefined: removing the member) would leave a
 * project that has `ownerCount` owners with none. A project always keeps at least one owner.
 */
export function leavesNoOwner(ownerCount: number, from: ProjectRole, to: ProjectRole | undefined): boolean {
  return from === 'owner' && to !== 'owner' && ownerCount <= 1;
}
