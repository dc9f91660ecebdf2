/** The users service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateUsers1763830000000 } from './1763830000000-create-users';

export const MIGRATIONS = [CreateUsers1763830000000];
