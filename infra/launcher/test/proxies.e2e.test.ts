import { apiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Forwarding headers are believed only from proxies named in TRUSTED_PROXIES (issue 13, item 5):
 * by default a client on loopback that rotates X-Forwarded-For still hits its per-address request
 * and login limits; with its address listed, the header names the client.
 */

jest.setTimeout(180_000);

const LIMITS = { RATE_LIMIT_PER_MIN: '60', RATE_LIMIT_BURST: '20', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' };
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase('architech_proxies');
});
afterAll(async () => {
  await db?.drop();
});

const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i % 250}, 10.0.0.${i % 250}` });

async function rotatingRequests(url: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await fetch(`${url}/api/me`, { headers: spoofed(i) })).status);
  return statuses;
}

async function rotatingLogins(url: string, count: number): Promise<{ status: number; code?: string }[]> {
  const api = apiClient(url);
  const answers = [];
  for (let i = 0; i < count; i++) {
    const r = await api.call('POST', '/api/auth/login', { body: { email: `nobody${i}@example.com`, password: 'wrong password' }, headers: spoofed(i) });
    answers.push({ status: r.status, code: r.body?.error?.code });
  }
  return answers;
}

describe('with no TRUSTED_PROXIES (the default)', () => {
  it('ignores X-Forwarded-For: rotating it escapes neither the login limit per address nor the request limit', async () => {
    const topology = await startLauncher({ DATABASE_URL: db.url, ...LIMITS });
    try {
      const logins = await rotatingLogins(topology.url, 6);
      expect(logins.slice(0, 4).map((l) => l.status)).toEqual([401, 401, 401, 401]);
      expect(logins.slice(4)).toEqual([
        { status: 429, code: 'too_many_attempts' },
        { status: 429, code: 'too_many_attempts' },
      ]);
      const statuses = await rotatingRequests(topology.url, 30);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    } finally {
      await topology.stop();
    }
  });
});

describe('with the proxy listed in TRUSTED_PROXIES', () => {
  it('takes the client address from X-Forwarded-For, so each forwarded client has its own limits', async () => {
    const topology = await startLauncher({ DATABASE_URL: db.url, ...LIMITS, TRUSTED_PROXIES: '127.0.0.1/32, ::1' });
    try {
      const logins = await rotatingLogins(topology.url, 6);
      expect(logins.map((l) => l.status)).toEqual([401, 401, 401, 401, 401, 401]);
      expect((await rotatingRequests(topology.url, 30)).filter((s) => s === 429)).toEqual([]);
    } finally {
      await topology.stop();
    }
  });

  it('refuses to start on an entry that is not an address, a range or a known name', async () => {
    const outcome = await startLauncher({ DATABASE_URL: db.url, TRUSTED_PROXIES: 'my-proxy.example.com' }).then(
      async (started) => (await started.stop(), 'it started'),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/TRUSTED_PROXIES/);
  });
});
