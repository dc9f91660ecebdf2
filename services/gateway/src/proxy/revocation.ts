import { ApiException, type AuthUser } from '@architech/service-kit';

/** Entries remembered at most; the cache is cleared when full (it refills on demand). */
const MAX_ENTRIES = 50_000;

/**
 * Whether a verified access token was revoked (logged out, its session ended or replaced), asked
 * of the users service, which owns sessions. A "still valid" answer is reused for `cacheMs` (a
 * logout on another gateway replica takes effect within that time); a "revoked" one until the
 * token expires. A token this gateway saw logged out is refused at once. If the users service
 * cannot answer, the request fails closed (503), never open.
 */
export class RevocationCheck {
  private readonly cache = new Map<string, { revoked: boolean; untilMs: number }>();

  constructor(
    private readonly usersUrl: string,
    private readonly internalToken: string,
    private readonly cacheMs: number,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** @throws ApiException 401 for a revoked token (or one from before sessions), 503 when the users service is unreachable. */
  async assertActive(user: AuthUser): Promise<void> {
    if (!user.tokenId || !user.sessionId) throw ApiException.unauthorized('access token without a session; log in again');
    const cached = this.cache.get(user.tokenId);
    const now = this.now();
    let revoked: boolean;
    if (cached && cached.untilMs > now) revoked = cached.revoked;
    else {
      revoked = await this.ask(user.sessionId, user.tokenId);
      this.remember(user.tokenId, revoked, revoked ? (user.expiresAtSec ?? 0) * 1000 : now + this.cacheMs);
    }
    if (revoked) throw ApiException.unauthorized('access token revoked (logged out); log in again');
  }

  /** A logout answered by the users service through this gateway: refuse its token from now on. */
  revoked(user: AuthUser): void {
    if (user.tokenId) this.remember(user.tokenId, true, (user.expiresAtSec ?? 0) * 1000);
  }

  private remember(tokenId: string, revoked: boolean, untilMs: number): void {
    if (this.cacheMs <= 0 && !revoked) return;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(tokenId, { revoked, untilMs });
  }

  private async ask(sessionId: string, tokenId: string): Promise<boolean> {
    const url = `${this.usersUrl.replace(/\/$/, '')}/internal/tokens/status?sid=${encodeURIComponent(sessionId)}&jti=${encodeURIComponent(tokenId)}`;
    try {
      const response = await fetch(url, { headers: { 'x-internal-token': this.internalToken }, signal: AbortSignal.timeout(this.timeoutMs) });
      if (response.status === 400) return true;
      if (!response.ok) throw new Error(`users service answered ${response.status}`);
      return ((await response.json()) as { revoked: boolean }).revoked;
    } catch (error) {
      throw new ApiException(503, 'service_unavailable', `cannot check the access token with the users service (${(error as Error).message})`);
    }
  }
}
