import type { ImportDesignResponseDto } from '@architech/contracts';

/**
 * What an import assumed, kept in this browser for the design version it created so that the
 * editor can show it beside the canvas (the server stores the design, not the import's report).
 * Which assumptions the user marked as reviewed is kept with it.
 */
export interface ImportReview {
  readonly assumptions: ImportDesignResponseDto['assumptions'];
  readonly notes: ImportDesignResponseDto['notes'];
  readonly metadata: ImportDesignResponseDto['metadata'];
  readonly reviewed: readonly number[];
}

const key = (versionId: string) => `architech.import.${versionId}`;

export function saveImportReview(versionId: string, result: ImportDesignResponseDto): void {
  const review: ImportReview = { assumptions: result.assumptions, notes: result.notes, metadata: result.metadata, reviewed: [] };
  try {
    localStorage.setItem(key(versionId), JSON.stringify(review));
  } catch {
    // Storage full or disabled: the design is saved; only the side panel will be missing.
  }
}

export function loadImportReview(versionId: string): ImportReview | undefined {
  try {
    const raw = localStorage.getItem(key(versionId));
    return raw ? (JSON.parse(raw) as ImportReview) : undefined;
  } catch {
    return undefined;
  }
}

export function markReviewed(versionId: string, review: ImportReview, index: number, reviewed: boolean): ImportReview {
  const set = new Set(review.reviewed);
  if (reviewed) set.add(index);
  else set.delete(index);
  const next = { ...review, reviewed: [...set].sort((a, b) => a - b) };
  try {
    localStorage.setItem(key(versionId), JSON.stringify(next));
  } catch {
    // Not persisted; the panel still shows the change.
  }
  return next;
}
