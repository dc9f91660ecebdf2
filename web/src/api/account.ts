import type { AccountDeletionDto, AccountDeletionPreviewDto, DeleteAccountInput } from '@architech/contracts';
import { ApiError } from './api-error';
import { request } from './http';
import { accessToken } from './session';

/** The signed-in user's own account (docs/data-lifecycle.md, privacy operations). */
export const accountApi = {
  /** The user's projects as deleting the account would treat them. */
  deletionPreview: () => request<AccountDeletionPreviewDto>('GET', '/users/me/deletion'),
  /** Deletes the account; a wrong password is a 403 `wrong_password`. */
  deleteAccount: (body: DeleteAccountInput) => request<AccountDeletionDto>('DELETE', '/users/me', body),

  /** Everything of the user as one `.tar.gz` of JSON files, with the file name the server gave it. */
  async exportData(): Promise<{ blob: Blob; fileName: string }> {
    const token = await accessToken();
    let response: Response;
    try {
      response = await fetch('/api/users/me/export', { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError(0, 'network_error', 'The server cannot be reached.');
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
      throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? `The server answered ${response.status}.`);
    }
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'architech-export.tar.gz';
    return { blob: await response.blob(), fileName };
  },
};
