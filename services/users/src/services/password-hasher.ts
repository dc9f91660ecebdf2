import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

/** bcrypt hashing behind a class, so the cost is configuration and tests can lower it. */
@Injectable()
export class PasswordHasher {
  constructor(private readonly cost: number) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cost);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
