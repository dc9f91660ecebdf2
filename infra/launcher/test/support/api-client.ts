/** A tiny client for the public API, returning status, JSON body and headers. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(baseUrl: string) {
  const call = async <T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, { method, headers, body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>('POST', path, { token, body }),
    patch: <T = any>(path: string, body: unknown, token?: string) => call<T>('PATCH', path, { token, body }),
    delete: <T = any>(path: string, token?: string) => call<T>('DELETE', path, { token }),
    /** Registers and logs in; returns the token and user id. */
    async signUp(email: string, name = email.split('@')[0]): Promise<{ token: string; id: string; email: string }> {
      const password = 'correct horse battery';
      const registered = await call('POST', '/api/auth/register', { body: { email, password, name } });
      if (registered.status !== 201) throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
      const login = await call('POST', '/api/auth/login', { body: { email, password } });
      if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${JSON.stringify(login.body)}`);
      return { token: login.body.accessToken, id: login.body.user.id, email };
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A small valid design: a client, a service and a database. */
export function sampleDesign(serviceMeanMs = 10) {
  return {
    components: [
      { id: 'users', type: 'CLIENT', name: 'Users', properties: { arrival: { process: 'poisson', ratePerSec: 50 } }, position: { x: 0, y: 0 } },
      { id: 'api', type: 'SERVICE', name: 'API', properties: { replicas: 2, serviceTime: { dist: 'exponential', mean: serviceMeanMs } }, position: { x: 200, y: 0 } },
      { id: 'db', type: 'DATABASE', name: 'DB', properties: { serviceTime: { dist: 'exponential', mean: 5 } }, position: { x: 400, y: 0 } },
    ],
    connections: [
      { id: 'c1', source: 'users', target: 'api' },
      { id: 'c2', source: 'api', target: 'db', properties: { latency: { dist: 'constant', value: 1 } } },
    ],
  };
}

/** Polls `read` until `ok` holds (every 200 ms), or throws with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
