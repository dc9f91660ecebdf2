import type { AnalysisDto, ReviewRequest } from '@architech/contracts';
import { request } from './http';

const enc = encodeURIComponent;

/** The review and refine routes of the public API (docs/api.md, docs/review.md). */
export const analysesApi = {
  review: (designId: string, body: Partial<ReviewRequest>) => request<{ id: string; status: 'PENDING' }>('POST', `/designs/${enc(designId)}/reviews`, body),
  getReview: (id: string, signal?: AbortSignal) => request<AnalysisDto>('GET', `/reviews/${enc(id)}`, undefined, signal),
  refine: (designId: string, goal: unknown) => request<{ id: string; status: 'PENDING' }>('POST', `/designs/${enc(designId)}/refinements`, goal),
  getRefinement: (id: string, signal?: AbortSignal) => request<AnalysisDto>('GET', `/refinements/${enc(id)}`, undefined, signal),
};

/** How often a running analysis is read back (its stored progress and timeline are the live view). */
const POLL_MS = 400;

/**
 * Reads an analysis until it is COMPLETED or FAILED, calling `onUpdate` with each reading; returns
 * the function that stops. Errors go to `onError`.
 */
export function followAnalysis(read: (id: string, signal: AbortSignal) => Promise<AnalysisDto>, id: string, onUpdate: (dto: AnalysisDto) => void, onError: (e: unknown) => void): () => void {
  const controller = new AbortController();
  const tick = async () => {
    try {
      const dto = await read(id, controller.signal);
      if (controller.signal.aborted) return;
      onUpdate(dto);
      if (dto.status !== 'COMPLETED' && dto.status !== 'FAILED') setTimeout(() => void tick(), POLL_MS);
    } catch (e) {
      if (!controller.signal.aborted) onError(e);
    }
  };
  void tick();
  return () => controller.abort();
}
