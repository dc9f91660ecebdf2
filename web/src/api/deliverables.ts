import type { DeliverableDto, DeliverableListResponse, DeliverableRequest } from '@architech/contracts';
import { ApiError } from './api-error';
import { request } from './http';
import { accessToken } from './session';

const enc = encodeURIComponent;

/** What the reports are of: a run or a check run. */
export interface ReportOwner {
  kind: 'simulation' | 'check';
  id: string;
}
const base = (owner: ReportOwner) => `/${owner.kind === 'simulation' ? 'simulations' : 'checks'}/${enc(owner.id)}/deliverables`;

/** A run's or check run's reports (docs/reports.md): list, generate, and download through the API with the session's token. */
export const deliverablesApi = {
  list: (owner: ReportOwner, signal?: AbortSignal) => request<DeliverableListResponse>('GET', base(owner), undefined, signal),
  generate: (owner: ReportOwner, format: DeliverableRequest['format']) => request<DeliverableDto>('POST', base(owner), { format }),
  /**
   * Downloads a ready report and hands it to the browser as a file (a plain link could not send
   * the bearer token). Expired or failed reports reject with the API's reason.
   */
  async download(owner: ReportOwner, deliverable: DeliverableDto): Promise<void> {
    const token = await accessToken();
    await saveDownload(`/api${base(owner)}/${enc(deliverable.id)}/content`, deliverable.fileName, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  },
};

/** Fetches a file and hands it to the browser as a download; a refusal rejects with the API's reason. */
export async function saveDownload(url: string, fileName: string, init: RequestInit): Promise<void> {
  const response = await fetch(url, init);
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? `The server answered ${response.status}.`);
  }
  const objectUrl = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
