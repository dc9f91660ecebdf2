import { z } from 'zod';
import { emailSchema } from './auth.schema';

export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export const projectRoleSchema = z.enum(PROJECT_ROLES);

/** `POST /api/projects` body. */
export const createProjectSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
});

/** `PATCH /api/projects/:id` body: at least one field. */
export const updateProjectSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullable().optional(),
  })
  .refine((p) => p.name !== undefined || p.description !== undefined, { message: 'give name or description' });

/** `POST /api/projects/:id/members` body. */
export const addMemberSchema = z.strictObject({ email: emailSchema, role: projectRoleSchema });

/** `PATCH /api/projects/:id/members/:userId` body. */
export const updateMemberSchema = z.strictObject({ role: projectRoleSchema });

export interface ProjectDto {
  id: string;
  name: string;
  description: string | null;
  /** The caller's role in the project. */
  role: ProjectRole;
  createdAt: string;
  updatedAt: string;
}

export interface MemberDto {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  addedAt: string;
}

/** One audited write. */
export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  projectId: string | null;
  details: Record<string, unknown>;
}

export type CreateProjectInput = z.output<typeof createProjectSchema>;
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;
export type AddMemberInput = z.output<typeof addMemberSchema>;
