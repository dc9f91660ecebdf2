import type { UserDto } from '@architech/contracts';
import type { ServiceClient } from '@architech/service-kit';

/** The users service's lookup route takes at most this many ids per call. */
const LOOKUP_BATCH = 1000;

/** Users as the users service knows them (its internal routes). */
export class UserDirectoryRepository {
  constructor(private readonly users: ServiceClient) {}

  /** The user with this email (case-insensitive), if any. */
  findByEmail(email: string): Promise<UserDto | undefined> {
    return this.users.get<UserDto>(`/internal/users/by-email?email=${encodeURIComponent(email)}`);
  }

  /** The users with these ids, by id; unknown ids are absent. */
  async findByIds(ids: string[]): Promise<Map<string, UserDto>> {
    const found = new Map<string, UserDto>();
    for (let start = 0; start < ids.length; start += LOOKUP_BATCH) {
      const { users } = await this.users.post<{ users: UserDto[] }>('/internal/users/lookup', { ids: ids.slice(start, start + LOOKUP_BATCH) });
      for (const user of users) found.set(user.id, user);
    }
    return found;
  }
}
