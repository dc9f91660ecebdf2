import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ApiException } from '../errors/api-exception';

/** The identity carried by an access token. */
export interface AuthUser {
  id: string;
  email: string;
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

  sign(user: AuthUser): { accessToken: string; expiresInSec: number } {
    const accessToken = jwt.sign({ email: user.email }, this.key, { algorithm: 'HS256', subject: user.id, expiresIn: this.ttlSec, issuer: 'architech' });
    return { accessToken, expiresInSec: this.ttlSec };
  }

  /** @throws ApiException 401 for a missing, malformed, forged or expired token. */
  verify(token: string): AuthUser {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > this.now()) return cached.user;
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'architech' }) as jwt.JwtPayload;
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || typeof payload.exp !== 'number') throw new Error('incomplete token');
      const user = { id: payload.sub, email: payload.email };
      if (this.verified.size >= CACHE_SIZE) this.verified.clear();
      this.verified.set(token, { user, expiresAtMs: payload.exp * 1000 });
      return user;
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw ApiException.unauthorized(expired ? 'access token expired' : 'invalid access token');
    }
  }
}
