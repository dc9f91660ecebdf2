import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

/** bcrypt reads only the first 72 bytes of a password; nothing longer is ever hashed or compared. */
export const BCRYPT_MAX_BYTES = 72;

/** bcrypt hashing behind a class, so the cost is configuration and tests can lower it. */
@Injectable()
export class PasswordHasher {
  constructor(private readonly cost: number) {}

  hash(password: string): Promise<string> {
    if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) throw new RangeError(`a password longer than ${BCRYPT_MAX_BYTES} bytes cannot be hashed without truncation`);
    return bcrypt.hash(password, this.cost);
  }

  /**
   * Whether `password` is the one hashed in `hash`. A password longer than 72 bytes never matches:
   * bcrypt would compare only its first 72 bytes, so `stored + "X"` would be accepted. The
   * comparison still runs (on the first 72 bytes) so a refusal takes as long as any other.
   */
  async verify(password: string, hash: string): Promise<boolean> {
    const tooLong = Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES;
    const matches = await bcrypt.compare(tooLong ? Buffer.from(password, 'utf8').subarray(0, BCRYPT_MAX_BYTES).toString('latin1') : password, hash);
    return matches && !tooLong;
  }
}
