import type { UserDto } from '@architech/contracts';
import type { UserEntity } from '../entities/user.entity';

/** The only way a user leaves this service: no password, no hash. */
export function toUserDto(user: UserEntity): UserDto {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() };
}
