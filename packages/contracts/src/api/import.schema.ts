import { z } from 'zod';
import type { DesignVersionDto } from './design-version.schema';

/**
 * Limits of an infrastructure import (docs/import.md), enforced by `@architech/iac-import` for
 * every surface and by {@link importRequestSchema} at the API (where the request body limit,
 * `BODY_LIMIT_BYTES`, also applies).
 */
export const IMPORT_LIMITS = {
  /** Files in one import. */
  maxFiles: 200,
  /** Characters of one file. */
  maxFileChars: 1_000_000,
  /** Characters of all files together. */
  maxTotalChars: 5_000_000,
  /** Longest file path. */
  maxPathLength: 500,
} as const;

/** The formats an infrastructure import reads. */
export const IMPORT_FORMATS = ['auto', 'compose', 'k8s', 'terraform', 'cloudformation'] as const;

/**
 * `POST /api/projects/:id/imports` body: the files' paths (as the user knows them; used in every
 * assumption) and contents. The service reads no file system.
 *
 * @example { "format": "auto", "files": [{ "path": "docker-compose.yml", "text": "services: …" }] }
 */
export const importRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    format: z.enum(IMPORT_FORMATS).default('auto'),
    files: z
      .array(z.strictObject({ path: z.string().trim().min(1).max(IMPORT_LIMITS.maxPathLength), text: z.string().max(IMPORT_LIMITS.maxFileChars) }))
      .min(1)
      .max(IMPORT_LIMITS.maxFiles),
  })
  .refine((b) => b.files.reduce((n, f) => n + f.text.length, 0) <= IMPORT_LIMITS.maxTotalChars, {
    message: `all files together may hold at most ${IMPORT_LIMITS.maxTotalChars} characters`,
    path: ['files'],
  });

export type ImportRequest = z.output<typeof importRequestSchema>;

/** An inference or default the import made, with where it came from. */
export interface ImportAssumptionDto {
  message: string;
  file: string;
  line: number;
}

/** `POST /api/projects/:id/imports` answer: version 1 of the new design and what the import assumed. */
export interface ImportDesignResponseDto {
  design: DesignVersionDto;
  assumptions: ImportAssumptionDto[];
  notes: (ImportAssumptionDto & { resource: string })[];
  evidence: { connection: string; evidence: string; file: string; line: number }[];
  metadata: {
    originalFormat: string;
    servicesUsed: string[];
    resourceCount: number;
    complexity: 'low' | 'medium' | 'high';
    complexityRule: string;
    files: string[];
  };
}
