import { z } from 'zod';

/** Days a share link lives when the request does not say. */
export const DEFAULT_SHARE_LINK_DAYS = 7;
/** The longest a share link may live. */
export const MAX_SHARE_LINK_DAYS = 90;
/** Active (unexpired, unrevoked) share links one run may have at once. */
export const MAX_ACTIVE_SHARE_LINKS = 50;

/** `POST /api/simulations/:id/share-links` body (docs/sharing.md). */
export const createShareLinkSchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_LINK_DAYS).default(DEFAULT_SHARE_LINK_DAYS),
});

export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

/**
 * A share link as its run's editors see it: never the token (only its hash is stored; the token
 * is shown once, when the link is made). `state` is derived: revoked wins over expired.
 */
export interface ShareLinkDto {
  id: string;
  simulationId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  accessCount: number;
  lastAccessAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** `POST /api/simulations/:id/share-links` answer: the link, its token and the web page it opens (shown once). */
export interface CreatedShareLinkDto {
  link: ShareLinkDto;
  token: string;
  /** The public page, relative to the web app's origin: `/shared/<token>`. */
  path: string;
}

/** A share token: 32 random bytes, base64url without padding. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
