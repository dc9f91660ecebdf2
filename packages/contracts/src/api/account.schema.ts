import { z } from 'zod';
import type { ProjectRole } from './project.schema';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a uuid');

/** Projects one account deletion may hand over (`transferTo`'s entries). */
export const MAX_TRANSFERS = 1000;

/**
 * `DELETE /api/users/me` body (docs/data-lifecycle.md, privacy operations): the password again, and
 * for projects the user alone owns, who takes each over (`{ projectId: userId }`, a member of that
 * project). Sole-owned projects not named are deleted with everything in them.
 */
export const deleteAccountSchema = z.strictObject({
  password: z.string({ error: (issue) => (issue.input === undefined ? 'required: re-enter your password' : 'must be a string') }).min(1, 'required: re-enter your password').max(1000),
  transferTo: z
    .record(uuid, uuid)
    .refine((entries) => Object.keys(entries).length <= MAX_TRANSFERS, `at most ${MAX_TRANSFERS} projects`)
    .optional(),
});

export type DeleteAccountInput = z.output<typeof deleteAccountSchema>;

/** A project of the account as deletion sees it: `GET /api/users/me/deletion`. */
export interface AccountProjectDto {
  id: string;
  name: string;
  role: ProjectRole;
  /** In the trash (deleted, not yet purged). */
  inTrash: boolean;
  /** The user is its only owner: deleted with the account unless transferred. */
  soleOwner: boolean;
  /** The other members, who may take over a sole-owned project. */
  members: { userId: string; email: string; name: string; role: ProjectRole }[];
}

/** What deleting the account would do, before it is asked for. */
export interface AccountDeletionPreviewDto {
  projects: AccountProjectDto[];
}

/** `DELETE /api/users/me` answer: 200 `deleted`, or 202 `pending` when a service did not answer and the deletion is being retried. */
export interface AccountDeletionDto {
  status: 'deleted' | 'pending';
  deletedProjects: string[];
  transferredProjects: { projectId: string; to: string }[];
  leftProjects: string[];
  message: string;
}

/**
 * An audit actor id that stands for a deleted account (a version-8 uuid, which no account id is):
 * its entries keep the action, the account is gone.
 */
export function isDeletedActorId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id);
}
