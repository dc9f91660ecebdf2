import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

/** Appends to the users service's audit trail. */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async record(actorId: string, action: string, resourceType: string, resourceId: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users.audit_events (actor_id, action, resource_type, resource_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [actorId, action, resourceType, resourceId, JSON.stringify(details)],
    );
  }
}
