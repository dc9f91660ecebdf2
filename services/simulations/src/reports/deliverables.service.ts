import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeliverableDto, DeliverableListResponse, DeliverableRequest } from '@architech/contracts';
import { ApiException, CLOCK, type AuthUser, type Clock } from '@architech/service-kit';
import type { SimulationsConfig } from '../config';
import { SIMULATIONS_CONFIG } from '../services/simulations.service';
import { DeliverableRepository, type DeliverableOwner, type DeliverableRecord } from './deliverable.repository';
import { PDF_RENDERER, type PdfRenderer } from './pdf-renderer';
import { ReportUnavailableError } from './report-source';
import { ReportTargets, type ReportTarget } from './report-targets';

/** Deliverables one user may have generating at once; more answer 429. */
export const MAX_GENERATING_PER_USER = 3;
/** Deliverables one run or check run may have (expired ones included); more answer 409. */
export const MAX_DELIVERABLES_PER_RUN = 50;
const DAY_MS = 86_400_000;

/** A deliverable's bytes and how to send them. */
export interface DeliverableContent {
  deliverable: DeliverableDto;
  contentType: string;
  fileName: string;
  body: Buffer;
}

const FORMATS: Record<DeliverableRequest['format'], { extension: string; contentType: string }> = {
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
};

function toDto(record: DeliverableRecord): DeliverableDto {
  const { userId: _userId, ...dto } = record;
  return dto;
}

/**
 * Run and check-run reports as deliverables (docs/reports.md): requested by editors, generated in
 * the background (progress stored on the row), read and downloaded by every member of the
 * project; anyone else gets 404, as for a run that does not exist.
 */
@Injectable()
export class DeliverablesService {
  private readonly logger = new Logger('deliverables');
  /** Generations in flight in this instance, so tests and shutdown can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deliverables: DeliverableRepository,
    private readonly targets: ReportTargets,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SIMULATIONS_CONFIG) private readonly config: SimulationsConfig,
  ) {}

  /** A report of a run (`owner.kind` `simulation`) or of a check run (`check`), generated in the background. */
  async request(owner: DeliverableOwner, body: DeliverableRequest, user: AuthUser): Promise<DeliverableDto> {
    const target = await this.targets.resolve(owner, user, 'editor');
    if (target.notReady) throw new ApiException(409, target.notReady.code, target.notReady.message, target.notReady.details);
    if (body.format === 'pdf') {
      const pdf = this.pdf.availability();
      if (!pdf.available) throw new ApiException(409, 'pdf_unavailable', pdf.reason ?? 'PDF reports are not available here', { field: 'format' });
    }
    if ((await this.deliverables.generatingForUser(user.id)) >= MAX_GENERATING_PER_USER) {
      throw new ApiException(429, 'too_many_generating', `at most ${MAX_GENERATING_PER_USER} reports may be generating at once per user; wait for one to finish`, { limit: MAX_GENERATING_PER_USER });
    }
    if ((await this.deliverables.countFor(owner)) >= MAX_DELIVERABLES_PER_RUN) {
      throw ApiException.conflict(`a run or check run keeps at most ${MAX_DELIVERABLES_PER_RUN} reports`, { limit: MAX_DELIVERABLES_PER_RUN });
    }
    const format = FORMATS[body.format];
    const now = new Date(this.clock.now());
    const days = this.config.RETENTION_REPORTS_DAYS;
    const record = await this.deliverables.create({
      ...(owner.kind === 'simulation' ? { simulationId: owner.id } : { checkRunId: owner.id }),
      projectId: target.projectId,
      userId: user.id,
      type: target.types[body.format],
      fileName: `${target.fileStem}.${format.extension}`,
      contentType: format.contentType,
      createdAt: now,
      expiresAt: days === 0 ? null : new Date(now.getTime() + days * DAY_MS),
    });
    const job = this.generate(record, target, body.format).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
    return toDto(record);
  }

  async list(owner: DeliverableOwner, user: AuthUser): Promise<DeliverableListResponse> {
    await this.targets.resolve(owner, user, 'reader');
    const records = await this.deliverables.listFor(owner, MAX_DELIVERABLES_PER_RUN);
    return { deliverables: records.map(toDto), pdf: this.pdf.availability() };
  }

  async get(owner: DeliverableOwner, deliverableId: string, user: AuthUser): Promise<DeliverableDto> {
    await this.targets.resolve(owner, user, 'reader');
    const record = await this.deliverables.find(deliverableId);
    const of = owner.kind === 'simulation' ? record?.simulationId : record?.checkRunId;
    if (!record || of !== owner.id) throw ApiException.notFound('deliverable');
    return toDto(record);
  }

  /** A member's download of a deliverable of the run: `getReportContent` after the access check. */
  async download(owner: DeliverableOwner, deliverableId: string, user: AuthUser): Promise<DeliverableContent> {
    await this.get(owner, deliverableId, user);
    return this.getReportContent(deliverableId);
  }

  /**
   * A run's reports as a share link shows them (docs/sharing.md): no member check, the gateway
   * resolved the link to this run. Who asked for each report is never part of a deliverable.
   */
  async listShared(simulationId: string): Promise<DeliverableListResponse> {
    const records = await this.deliverables.listFor({ kind: 'simulation', id: simulationId }, MAX_DELIVERABLES_PER_RUN);
    return { deliverables: records.map(toDto), pdf: this.pdf.availability() };
  }

  /** A share link's download of one of its run's reports; another run's deliverable is 404. */
  async downloadShared(simulationId: string, deliverableId: string): Promise<DeliverableContent> {
    const record = await this.deliverables.find(deliverableId);
    if (!record || record.simulationId !== simulationId) throw ApiException.notFound('deliverable');
    return this.getReportContent(deliverableId);
  }

  /**
   * The bytes of a ready deliverable, counting the download. No access check: callers check first
   * (a member's download above; a share link's holder). 404 unknown, 409 still generating or
   * failed (with why), 410 expired.
   */
  async getReportContent(deliverableId: string): Promise<DeliverableContent> {
    const record = await this.deliverables.find(deliverableId);
    if (!record) throw ApiException.notFound('deliverable');
    if (record.status === 'expired') {
      throw new ApiException(410, 'deliverable_expired', `this report expired on ${record.expiredAt?.slice(0, 10)} and its content was deleted (reports are kept ${this.config.RETENTION_REPORTS_DAYS} days); generate it again`, { expiredAt: record.expiredAt });
    }
    if (record.status === 'failed') throw new ApiException(409, 'deliverable_failed', `this report failed: ${record.error}`);
    if (record.status === 'generating') throw new ApiException(409, 'deliverable_not_ready', `this report is still generating (${record.progress}%)`, { progress: record.progress });
    const body = await this.deliverables.takeContent(deliverableId);
    if (!body) throw new ApiException(410, 'deliverable_expired', 'this report expired meanwhile and its content was deleted; generate it again');
    return { deliverable: toDto({ ...record, downloadCount: record.downloadCount + 1 }), contentType: record.contentType, fileName: record.fileName, body };
  }

  /** Resolves when every generation started by this instance has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async generate(record: DeliverableRecord, target: ReportTarget, format: DeliverableRequest['format']): Promise<void> {
    const step = (progress: number, stage: string) => this.deliverables.progress(record.id, progress, stage);
    try {
      await step(5, 'reading what to report');
      const html = await target.build(step, new Date(this.clock.now()));
      await step(60, 'rendered the report');
      let content: Buffer = Buffer.from(html, 'utf8');
      if (format === 'pdf') {
        await step(70, 'rendering the PDF (headless Chromium)');
        content = await this.pdf.render(html);
      }
      await step(95, 'storing');
      await this.deliverables.ready(record.id, content, new Date(this.clock.now()));
    } catch (error) {
      const message = error instanceof ReportUnavailableError || error instanceof ApiException ? error.message : `report generation failed: ${(error as Error).message.split('\n')[0]}`;
      this.logger.warn(`deliverable ${record.id} failed: ${(error as Error).message}`);
      await this.deliverables.fail(record.id, message, new Date(this.clock.now())).catch(() => undefined);
    }
  }
}
