/** The users service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateUsers1763830000000 } from './1763830000000-create-users';
import { LoginThrottleLastFailure1763830000001 } from './1763830000001-login-throttle-last-failure';
import { Sessions1763830000002 } from './1763830000002-sessions';
import { AccountDeletions1768200000000 } from './1768200000000-account-deletions';

export const MIGRATIONS = [CreateUsers1763830000000, LoginThrottleLastFailure1763830000001, Sessions1763830000002, AccountDeletions1768200000000];
