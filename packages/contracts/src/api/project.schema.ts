import { z } from 'zod';
import { priceOverridesSchema, validatePriceOverrides, type PriceOverride } from '../providers/price-overrides.schema';
import { PROVIDER_SCOPES, type ProviderScope } from '../providers/provider-ref.schema';
import { emailSchema } from './auth.schema';

export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export const projectRoleSchema = z.enum(PROJECT_ROLES);

/** A project's provider scope: which catalogue the palette shows next to the generic components (docs/providers.md). */
export const providerScopeSchema = z.enum(PROVIDER_SCOPES);

/**
 * A project's price overrides (docs/providers.md, "Overriding prices"): the schema, then every
 * service and SKU against the catalogue, each issue at `[i].service` or `[i].sku`.
 */
export const projectPriceOverridesSchema = priceOverridesSchema.superRefine((overrides, ctx) => {
  const outcome = validatePriceOverrides(overrides);
  if (outcome.ok) return;
  // Schema issues are the schema's own (zod runs this refinement after them as well).
  for (const issue of outcome.issues.filter((i) => i.code === 'unknown_provider_service' || i.code === 'unknown_sku')) {
    const [, index, field] = /^\[(\d+)\]\.(\w+)$/.exec(issue.path) ?? [];
    ctx.addIssue({ code: 'custom', message: issue.message, path: index === undefined ? [] : [Number(index), field], params: { code: issue.code } });
  }
});

/** `POST /api/projects` body. */
export const createProjectSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  provider: providerScopeSchema.optional(),
});

/** `PATCH /api/projects/:id` body: at least one field. */
export const updateProjectSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullable().optional(),
    provider: providerScopeSchema.optional(),
    priceOverrides: projectPriceOverridesSchema.optional(),
  })
  .refine((p) => p.name !== undefined || p.description !== undefined || p.provider !== undefined || p.priceOverrides !== undefined, {
    message: 'give name, description, provider or priceOverrides',
  });

/** `GET /internal/projects/:id/pricing` answer: what the simulations service prices a project's runs with. */
export interface ProjectPricingDto {
  provider: ProviderScope;
  priceOverrides: PriceOverride[];
}

/** `POST /api/projects/:id/members` body. */
export const addMemberSchema = z.strictObject({ email: emailSchema, role: projectRoleSchema });

/** `PATCH /api/projects/:id/members/:userId` body. */
export const updateMemberSchema = z.strictObject({ role: projectRoleSchema });

/** Most audit events one page may hold. */
export const MAX_AUDIT_PAGE = 500;

/**
 * `GET /api/projects/:id/audit` query (and the designs service's internal audit route): newest
 * first, at most `limit` events, only those strictly older than `before` (the `at` of the last
 * event of the previous page).
 */
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});

export interface ProjectDto {
  id: string;
  name: string;
  description: string | null;
  /** The caller's role in the project. */
  role: ProjectRole;
  /** Its provider scope (`any` until set). */
  provider: ProviderScope;
  /** Its own prices, which win over the list prices when its runs are priced (at most 500). */
  priceOverrides: PriceOverride[];
  createdAt: string;
  updatedAt: string;
  /** In the trash only (`GET /api/projects?deleted=true`): when it was deleted. */
  deletedAt?: string;
  /** In the trash only: when the purge deletes it for good unless an owner restores it first. */
  purgeAt?: string;
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
export type AuditQuery = z.output<typeof auditQuerySchema>;
