import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ApiException } from '../errors/api-exception';

/** The identity carried by an access token. */
export interface AuthUser {
  id: string;
  email: string;
  /** The token's own id (`jti`): what logging out revokes. */
  tokenId?: string;
  /** The sign-in session the token belongs to (`sid`): its refresh tokens, revoked together. */
  sessionId?: string;
  /** When the token expires, epoch seconds. */
  expiresAtSec?: number;
}

/** Verified tokens remembered (until they expire), so a hot token costs one map lookup. */
const CACHE_SIZE = 10_000;

/** Signs and verifies HS256 access tokens with an expiry. */
export class TokenService {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { user: AuthUser; expiresAtMs: number }>();

  constructor(
    secret: string,
    private readonly ttlSec: number,
    private readonly now: () => number = Date.now,
  ) {
    // One key object: jsonwebtoken would otherwise derive it from the string on every call.
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** An access token of `user` in sign-in session `sessionId`, with a fresh `jti`. */
  sign(user: { id: string; email: string }, sessionId?: string): { accessToken: string; expiresInSec: number; tokenId: string } {
    const tokenId = randomUUID();
    const claims: Record<string, string> = { email: user.email };
    if (sessionId) claims.sid = sessionId;
    const accessToken = jwt.sign(claims, this.key, { algorithm: 'HS256', subject: user.id, expiresIn: this.ttlSec, issuer: 'architech', jwtid: tokenId });
    return { accessToken, expiresInSec: this.ttlSec, tokenId };
  }

  /** @throws ApiException 401 for a missing, malformed, forged or expired token. */
  verify(token: string): AuthUser {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > this.now()) return cached.user;
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'architech' }) as jwt.JwtPayload;
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || typeof payload.exp !== 'number') throw new Error('incomplete token');
      const user: AuthUser = { id: payload.sub, email: payload.email, expiresAtSec: payload.exp };
      if (typeof payload.jti === 'string') user.tokenId = payload.jti;
      if (typeof payload.sid === 'string') user.sessionId = payload.sid;
      if (this.verified.size >= CACHE_SIZE) this.verified.clear();
      this.verified.set(token, { user, expiresAtMs: payload.exp * 1000 });
      return user;
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw ApiException.unauthorized(expired ? 'access token expired' : 'invalid access token');
    }
  }
}
