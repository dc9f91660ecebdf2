import type { AuditEventDto } from '@architech/contracts';
import { mergeAuditPages } from './audit-merge';

const event = (id: string, at: string): AuditEventDto => ({
  id,
  at,
  actorId: '00000000-0000-4000-8000-000000000001',
  action: 'project.updated',
  resourceType: 'project',
  resourceId: 'p',
  projectId: 'p',
  details: {},
});

describe('merging audit pages', () => {
  const projects = [event('p2', '2025-01-01T00:00:04.000Z'), event('p1', '2025-01-01T00:00:01.000Z')];
  const designs = [event('d2', '2025-01-01T00:00:03.000Z'), event('d1', '2025-01-01T00:00:02.000Z')];

  it('interleaves the sources newest first', () => {
    expect(mergeAuditPages([projects, designs], { limit: 100 }).map((e) => e.id)).toEqual(['p2', 'd2', 'd1', 'p1']);
  });

  it('keeps at most limit events', () => {
    expect(mergeAuditPages([projects, designs], { limit: 2 }).map((e) => e.id)).toEqual(['p2', 'd2']);
  });

  it('keeps only events strictly older than before', () => {
    expect(mergeAuditPages([projects, designs], { limit: 100, before: '2025-01-01T00:00:03.000Z' }).map((e) => e.id)).toEqual(['d1', 'p1']);
  });

  it('orders events of the same instant by id, so pages are stable', () => {
    const same = [event('a', '2025-01-01T00:00:00.000Z'), event('c', '2025-01-01T00:00:00.000Z')];
    expect(mergeAuditPages([same, [event('b', '2025-01-01T00:00:00.000Z')]], { limit: 100 }).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});
