/** The simulations service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateSimulations1763860000000 } from './1763860000000-create-simulations';

export const MIGRATIONS = [CreateSimulations1763860000000];
