import type { AuditEventDto, AuditQuery } from '@architech/contracts';

/**
 * One page of audit events from several sources: newest first (ties broken by id, descending, so
 * the order is stable), only those older than `query.before`, at most `query.limit`. Each source
 * is expected to hold its own newest `limit` events, which is all the merged page can need.
 */
export function mergeAuditPages(sources: AuditEventDto[][], query: AuditQuery): AuditEventDto[] {
  const before = query.before === undefined ? Infinity : Date.parse(query.before);
  return sources
    .flat()
    .map((event) => ({ event, atMs: Date.parse(event.at) }))
    .filter(({ atMs }) => atMs < before)
    .sort((a, b) => b.atMs - a.atMs || (a.event.id < b.event.id ? 1 : a.event.id > b.event.id ? -1 : 0))
    .slice(0, query.limit)
    .map(({ event }) => event);
}
