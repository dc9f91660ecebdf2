/** The projects service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateProjects1763840000000 } from './1763840000000-create-projects';

export const MIGRATIONS = [CreateProjects1763840000000];
