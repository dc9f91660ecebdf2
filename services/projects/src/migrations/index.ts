/** The projects service's migrations, in order (public so tests can run them on a real Postgres). */
import { CreateProjects1763840000000 } from './1763840000000-create-projects';
import { Requirements1766100000000 } from './1766100000000-requirements';
import { ProjectTrash1767000000000 } from './1767000000000-project-trash';
import { ProjectProvider1768000000000 } from './1768000000000-project-provider';

export const MIGRATIONS = [CreateProjects1763840000000, Requirements1766100000000, ProjectTrash1767000000000, ProjectProvider1768000000000];
