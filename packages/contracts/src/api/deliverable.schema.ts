import { z } from 'zod';

/** What a deliverable is (docs/reports.md). */
export const DELIVERABLE_TYPES = ['run-report-html', 'run-report-pdf', 'check-report-html', 'check-report-pdf'] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** `generating → ready | failed`, and `expired` once retention (RETENTION_REPORTS_DAYS) deleted its content. */
export const DELIVERABLE_STATES = ['generating', 'ready', 'failed', 'expired'] as const;
export type DeliverableState = (typeof DELIVERABLE_STATES)[number];

/**
 * `POST /api/simulations/:id/deliverables` (a run report) or `POST /api/checks/:id/deliverables`
 * (a check-run report), as HTML or as PDF.
 *
 * @example { "format": "pdf" }
 */
export const deliverableRequestSchema = z.strictObject({
  format: z.enum(['html', 'pdf'], { error: () => "must be 'html' or 'pdf'" }),
});
export type DeliverableRequest = z.output<typeof deliverableRequestSchema>;

/** A stored deliverable as the API answers it; its content is downloaded from `…/content`. */
export interface DeliverableDto {
  id: string;
  /** The run it reports on (run reports), or null. */
  simulationId: string | null;
  /** The check run it reports on (check reports), or null. */
  checkRunId: string | null;
  projectId: string;
  type: DeliverableType;
  status: DeliverableState;
  /** 0–100 while generating. */
  progress: number;
  /** What generation is doing, e.g. `rendering the PDF`; null once done. */
  stage: string | null;
  /** Bytes of the content once ready; null otherwise. */
  sizeBytes: number | null;
  /** The file name a download is saved under. */
  fileName: string;
  contentType: string;
  /** Why it failed. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When retention deletes its content; null: kept as long as the run (RETENTION_REPORTS_DAYS=0). */
  expiresAt: string | null;
  expiredAt: string | null;
  downloadCount: number;
}

/** Whether this deployment can render PDFs (headless Chromium at CHROMIUM_PATH), and why not. */
export interface PdfAvailabilityDto {
  available: boolean;
  reason?: string;
}

/** `GET /api/simulations/:id/deliverables` or `GET /api/checks/:id/deliverables`: newest first, and whether the PDF format is offered. */
export interface DeliverableListResponse {
  deliverables: DeliverableDto[];
  pdf: PdfAvailabilityDto;
}
