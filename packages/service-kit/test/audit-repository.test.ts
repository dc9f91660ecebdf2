import { AuditRepository, type AuditQueryable } from '../src/audit/audit.repository';

/** Records the statements a repository runs instead of running them. */
function recorder(): { db: AuditQueryable; calls: { sql: string; params: unknown[] }[] } {
  const calls: { sql: string; params: unknown[] }[] = [];
  const db = {
    query: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return [];
    },
    getRepository: () => {
      throw new Error('not used by record');
    },
  } as unknown as AuditQueryable;
  return { db, calls };
}

const event = { actorId: 'a1', action: 'x.done', resourceType: 'x', resourceId: 'r1' };

describe('AuditRepository.record', () => {
  it('leaves out the project column of a table without one (users)', async () => {
    const { db, calls } = recorder();
    await new AuditRepository(db, { schema: 'users', project: 'none' }).record({ ...event, projectId: 'ignored' });
    expect(calls).toEqual([{ sql: 'INSERT INTO users.audit_events (actor_id, action, resource_type, resource_id, details) VALUES ($1, $2, $3, $4, $5)', params: ['a1', 'x.done', 'x', 'r1', '{}'] }]);
  });

  it('writes the project (null when absent) and the details of a table with one', async () => {
    const { db, calls } = recorder();
    const audit = new AuditRepository(db, { schema: 'projects', project: 'nullable' });
    await audit.record({ ...event, projectId: 'p1', details: { role: 'editor' } });
    await audit.record(event);
    expect(calls.map((c) => c.sql)).toEqual([
      'INSERT INTO projects.audit_events (actor_id, action, resource_type, resource_id, project_id, details) VALUES ($1, $2, $3, $4, $5, $6)',
      'INSERT INTO projects.audit_events (actor_id, action, resource_type, resource_id, project_id, details) VALUES ($1, $2, $3, $4, $5, $6)',
    ]);
    expect(calls.map((c) => c.params)).toEqual([
      ['a1', 'x.done', 'x', 'r1', 'p1', '{"role":"editor"}'],
      ['a1', 'x.done', 'x', 'r1', null, '{}'],
    ]);
  });
});
