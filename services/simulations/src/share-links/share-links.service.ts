import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MAX_ACTIVE_SHARE_LINKS, SHARE_TOKEN_PATTERN, type CreatedShareLinkDto, type ShareLinkDto, type SimulationDto } from '@architech/contracts';
import { ApiException, AuditRepository, DATA_SOURCE, type AuthUser } from '@architech/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../jobs/clock';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SimulationAccess } from '../services/simulation-access';
import { toSimulationDto } from '../services/simulation-dto';
import { AUDIT_TABLE } from './audit-table';
import { ShareLinkRepository, type ShareLinkRecord } from './share-link.repository';

const DAY_MS = 86_400_000;
/** Links one list answer shows (newest first). */
const LIST_LIMIT = 200;
/** The actor of an access through a share link: nobody signed in (the nil UUID). */
export const ANONYMOUS_ACTOR = '00000000-0000-0000-0000-000000000000';

/** What the gateway needs to serve a shared run: which run, of which design, until when. */
export interface ResolvedShareLink {
  linkId: string;
  simulationId: string;
  designId: string;
  expiresAt: string;
}

/** The SHA-256 of a token, hex: all the database keeps of it. */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Read-only links to a run (docs/sharing.md). Editors and owners of the run's project make, list
 * and revoke them; the gateway resolves a token to its run (counting and auditing an opening).
 * A revoked or expired link, or a token that was never issued, resolves to 404.
 */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly links: ShareLinkRepository,
    private readonly simulations: SimulationRepository,
    private readonly access: SimulationAccess,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs `fn` in one transaction: a link's change and its audit event commit together. */
  private transaction<T>(fn: (links: ShareLinkRepository, audit: AuditRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((manager: EntityManager) => fn(this.links.in(manager), new AuditRepository(manager, AUDIT_TABLE)));
  }

  async create(simulationId: string, expiresInDays: number, user: AuthUser): Promise<CreatedShareLinkDto> {
    const projectId = await this.requireEditor(simulationId, user);
    const now = new Date(this.clock.now());
    const active = await this.links.countActive(simulationId, now);
    if (active >= MAX_ACTIVE_SHARE_LINKS) throw ApiException.conflict(`this run already has ${active} active share links (at most ${MAX_ACTIVE_SHARE_LINKS}); revoke one first`, { active, limit: MAX_ACTIVE_SHARE_LINKS });
    const token = randomBytes(32).toString('base64url');
    const link = await this.transaction(async (links, audit) => {
      const made = await links.create({ tokenHash: hashShareToken(token), simulationId, projectId, createdBy: user.id, createdAt: now, expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS) });
      await audit.record({ actorId: user.id, action: 'share_link.created', resourceType: 'share_link', resourceId: made.id, projectId, details: { simulationId, expiresAt: made.expiresAt } });
      return made;
    });
    return { link: this.dto(link, now), token, path: `/shared/${token}` };
  }

  async list(simulationId: string, user: AuthUser): Promise<ShareLinkDto[]> {
    await this.requireEditor(simulationId, user);
    const now = new Date(this.clock.now());
    return (await this.links.listForSimulation(simulationId, LIST_LIMIT)).map((l) => this.dto(l, now));
  }

  /** Revoking a revoked link changes nothing and answers it as it is. */
  async revoke(simulationId: string, linkId: string, user: AuthUser): Promise<ShareLinkDto> {
    const projectId = await this.requireEditor(simulationId, user);
    const now = new Date(this.clock.now());
    const after = await this.transaction(async (links, audit) => {
      if (await links.revoke(simulationId, linkId, now)) await audit.record({ actorId: user.id, action: 'share_link.revoked', resourceType: 'share_link', resourceId: linkId, projectId, details: { simulationId } });
      return links.find(simulationId, linkId);
    });
    if (!after) throw ApiException.notFound('share link');
    return this.dto(after, now);
  }

  /**
   * The run a token opens. With `open` (the shared page's first request) the access is counted
   * and audited with the client's address; the page's further reads only check the link.
   */
  async resolve(token: string, open: boolean, client: string | undefined): Promise<ResolvedShareLink> {
    if (!SHARE_TOKEN_PATTERN.test(token)) throw ApiException.notFound('share link');
    const hash = hashShareToken(token);
    const now = new Date(this.clock.now());
    const link = !open
      ? await this.links.findUsable(hash, now)
      : await this.transaction(async (links, audit) => {
          const counted = await links.recordAccess(hash, now);
          if (counted) {
            const details = { simulationId: counted.simulationId, accessCount: counted.accessCount, ...(client ? { client } : {}) };
            await audit.record({ actorId: ANONYMOUS_ACTOR, action: 'share_link.accessed', resourceType: 'share_link', resourceId: counted.id, projectId: counted.projectId, details });
          }
          return counted;
        });
    if (!link) throw ApiException.notFound('share link');
    const run = await this.simulations.find(link.simulationId);
    if (!run) throw ApiException.notFound('share link');
    return { linkId: link.id, simulationId: link.simulationId, designId: run.designId, expiresAt: link.expiresAt };
  }

  /** The run as a shared page shows it (the gateway resolved the token first). */
  async sharedRun(simulationId: string): Promise<SimulationDto> {
    const record = await this.simulations.find(simulationId);
    if (!record) throw ApiException.notFound('simulation');
    const result = record.status === 'COMPLETED' ? await this.simulations.result(simulationId) : undefined;
    return toSimulationDto(record, result);
  }

  private async requireEditor(simulationId: string, user: AuthUser): Promise<string> {
    const record = await this.simulations.find(simulationId);
    if (!record) throw ApiException.notFound('simulation');
    const role = await this.access.requireReader(record.projectId, user.id, 'simulation');
    if (role === 'viewer') throw ApiException.forbidden('a viewer may read a run but not share it; editors and owners make, list and revoke share links');
    return record.projectId;
  }

  private dto(link: ShareLinkRecord, now: Date): ShareLinkDto {
    const { projectId: _projectId, ...rest } = link;
    const state = link.revokedAt !== null ? 'revoked' : Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active';
    return { ...rest, state };
  }
}
