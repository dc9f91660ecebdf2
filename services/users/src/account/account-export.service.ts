import { Inject, Injectable } from '@nestjs/common';
import type { AuditEventDto } from '@architech/contracts';
import { ApiException, DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { UserRepository } from '../repositories/user.repository';
import { toUserDto } from '../services/user-dto';
import { ProjectsPeerRepository } from './projects-peer.repository';
import { tarGz, type TarEntry } from './tar';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A user's data as one `.tar.gz` of JSON files (docs/data-lifecycle.md, privacy operations):
 * `account.json`, `audit.json` (every audit entry the user made, in any service), and per project
 * `projects/<id>/project.json` (with the user's role and the members), `requirements.json`,
 * `designs/<lineage>/v<n>.json` (every version, with its graph), `runs/<id>.json` (configuration
 * and summary) and `check-runs.json`.
 */
@Injectable()
export class AccountExportService {
  constructor(
    private readonly users: UserRepository,
    private readonly projects: ProjectsPeerRepository,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
  ) {}

  async archive(userId: string, now = new Date()): Promise<{ fileName: string; body: Buffer }> {
    const user = await this.users.findById(userId);
    if (!user) throw ApiException.unauthorized('the account of this token no longer exists');
    const exported = await this.projects.exportOf(userId);
    const own: AuditEventDto[] = (
      await this.db.query(`SELECT id, at, actor_id, action, resource_type, resource_id, details FROM users.audit_events WHERE actor_id = $1 ORDER BY at, id`, [userId])
    ).map((r: { id: string; at: Date; actor_id: string; action: string; resource_type: string; resource_id: string; details: Record<string, unknown> }) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      projectId: null,
      details: r.details,
    }));
    const audit = [...own, ...exported.audit].sort((a, b) => a.at.localeCompare(b.at));
    const entries: TarEntry[] = [
      { path: 'account.json', content: json({ ...toUserDto(user), exportedAt: now.toISOString() }) },
      { path: 'audit.json', content: json(audit) },
    ];
    for (const p of exported.projects) {
      const dir = `projects/${p.project.id}`;
      entries.push({ path: `${dir}/project.json`, content: json({ ...p.project, members: p.members }) });
      entries.push({ path: `${dir}/requirements.json`, content: json(p.requirements) });
      for (const design of p.designs) for (const version of design.versions) entries.push({ path: `${dir}/designs/${design.lineageId}/v${version.version}.json`, content: json(version) });
      for (const run of p.runs) entries.push({ path: `${dir}/runs/${run.id}.json`, content: json(run) });
      entries.push({ path: `${dir}/check-runs.json`, content: json(p.checkRuns) });
    }
    for (const entry of entries) entry.mtime = now;
    return { fileName: `architech-export-${now.toISOString().slice(0, 10)}.tar.gz`, body: tarGz(entries) };
  }
}
