import { ApiError } from './api-error';
import { accessToken, accessTokenAfter401, endSession, getSession } from './session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the gateway's JSON API under `/api`: adds the bearer token (renewed with the refresh token
 * when it is about to expire, or once after a 401), turns error bodies into {@link ApiError}s, and
 * ends the session when it cannot be renewed so the app shows the login page.
 */
export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const token = await accessToken();
  let response = await send(method, path, token, body, signal);
  if (response.status === 401 && token) {
    // Expired or revoked: renew once with the refresh token and retry, else the session ends.
    const renewed = await accessTokenAfter401(token);
    if (renewed) response = await send(method, path, renewed, body, signal);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (response.status === 401 && getSession()) endSession();
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? `The server answered ${response.status} ${response.statusText}.`, error?.details);
  }
  return json as T;
}

async function send(method: Method, path: string, token: string | undefined, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'The server cannot be reached.');
  }
}
