import type { EntityManager } from 'typeorm';

/**
 * What a repository runs its queries on: the data source (each query on its own), or the entity
 * manager of one transaction (see {@link TransactionRunner}).
 */
export type Queryable = Pick<EntityManager, 'getRepository' | 'query'>;
