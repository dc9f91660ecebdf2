import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository, DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE } from './audit-table';
import { MemberRepository } from './member.repository';
import { ProjectRepository } from './project.repository';

/** The repositories of one transaction. */
export interface ProjectsTransaction {
  projects: ProjectRepository;
  members: MemberRepository;
  audit: AuditRepository;
}

/**
 * Runs work in one database transaction, so a write and its audit event commit together or not
 * at all. Make no calls to other services inside: embedded Postgres (PGlite) serves one
 * transaction at a time, and the other service may need the database to answer.
 */
@Injectable()
export class TransactionRunner {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  run<T>(work: (tx: ProjectsTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({ projects: new ProjectRepository(manager), members: new MemberRepository(manager), audit: new AuditRepository(manager, AUDIT_TABLE) }),
    );
  }
}
