import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import { QueryFailedError, type DataSource, type Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

/** Users in Postgres. Emails are unique case-insensitively (a unique index on lower(email)). */
@Injectable()
export class UserRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  /** Inserts a user; undefined when the email is already taken. */
  async create(email: string, name: string, passwordHash: string): Promise<UserEntity | undefined> {
    try {
      return await this.repo.save(this.repo.create({ email, name, passwordHash }));
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') return undefined;
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }
}
