import jwt from 'jsonwebtoken';
import { ApiException } from '../errors/api-exception';

/** The identity carried by an access token. */
export interface AuthUser {
  id: string;
  email: string;
}

/** Signs and verifies HS256 access tokens with an expiry. */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSec: number,
  ) {}

  sign(user: AuthUser): { accessToken: string; expiresInSec: number } {
    const accessToken = jwt.sign({ email: user.email }, this.secret, { algorithm: 'HS256', subject: user.id, expiresIn: this.ttlSec, issuer: 'architech' });
    return { accessToken, expiresInSec: this.ttlSec };
  }

  /** @throws ApiException 401 for a missing, malformed, forged or expired token. */
  verify(token: string): AuthUser {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'architech' }) as jwt.JwtPayload;
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') throw new Error('incomplete token');
      return { id: payload.sub, email: payload.email };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw ApiException.unauthorized(expired ? 'access token expired' : 'invalid access token');
    }
  }
}
