/** The designs service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateDesigns1763850000000 } from './1763850000000-create-designs';

export const MIGRATIONS = [CreateDesigns1763850000000];
