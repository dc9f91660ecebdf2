import type { CheckRunDto } from '@architech/contracts';
import { InputError } from '../input-error';

export interface ServerCheckOptions {
  server: string;
  designId: string;
  token: string | undefined;
  only?: string[];
  onProgress?: (run: CheckRunDto) => void;
  /** Between polls; injected so that tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

const POLL_MS = 1000;

async function call<T>(f: typeof fetch, url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch (error) {
    throw new InputError('unreachable', [`architech: cannot reach ${url}: ${(error as Error).message}`]);
  }
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string; details?: { path?: string; message?: string }[] } } | undefined;
  if (!res.ok) {
    const details = (body?.error?.details ?? []).map((d) => `  ${d.path ?? ''}: ${d.message ?? ''}`);
    const hint = res.status === 401 ? ' (set ARCHITECH_TOKEN to an access token)' : '';
    throw new InputError('server_refused', [`architech: ${url}: ${res.status} ${body?.error?.message ?? res.statusText}${hint}`, ...details]);
  }
  return body as T;
}

/**
 * Starts a check run of a stored design version on a server (every requirement of its project,
 * or `only` some) and polls it to the end. Refusals (400, 401, 404) are input errors: exit 2.
 */
export async function runChecksOnServer(o: ServerCheckOptions): Promise<CheckRunDto> {
  const f = o.fetch ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = o.server.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) };
  const started = await call<{ id: string }>(f, `${base}/api/designs/${encodeURIComponent(o.designId)}/checks`, { method: 'POST', headers, body: JSON.stringify(o.only ? { only: o.only } : {}) });
  for (;;) {
    const run = await call<CheckRunDto>(f, `${base}/api/checks/${encodeURIComponent(started.id)}`, { headers });
    o.onProgress?.(run);
    if (run.status !== 'RUNNING') return run;
    await sleep(POLL_MS);
  }
}
