import { apiClient, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Security of the public API through the gateway on PostgreSQL (issue 13): passwords are never
 * compared truncated and common ones are refused, rate limits trust forwarding headers only from
 * configured proxies, failed logins throttle per (account, address) without locking the owner out,
 * the gateway sends security headers and a CORS allow-list, and tokens can be revoked and refreshed.
 */

jest.setTimeout(180_000);

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase('architech_security');
  // The tests play clients at several addresses through X-Forwarded-For from loopback.
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', TRUSTED_PROXIES: 'loopback', LOGIN_MAX_FAILURES_PER_ACCOUNT: '6' });
  api = apiClient(topology.url);
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

describe('passwords', () => {
  it('never accepts a password that only matches in its first 72 bytes (bcrypt truncation)', async () => {
    const password = 'k'.repeat(60) + 'é'.repeat(6); // 72 bytes in UTF-8
    expect(Buffer.byteLength(password)).toBe(72);
    expect((await api.post('/api/auth/register', { email: 'long@example.com', password, name: 'Long' })).status).toBe(201);
    expect((await api.post('/api/auth/login', { email: 'long@example.com', password: password + 'X' })).status).toBe(401);
    expect((await api.post('/api/auth/login', { email: 'long@example.com', password: password + 'é'.repeat(100) })).status).toBe(401);
    expect((await api.post('/api/auth/login', { email: 'long@example.com', password })).status).toBe(200);
    expect((await api.post('/api/auth/register', { email: 'longer@example.com', password: password + 'X', name: 'L' })).body.error.details[0].path).toBe('password');
  });

  it('refuses common passwords and all-whitespace ones, saying why', async () => {
    for (const password of ['password', '12345678', 'Password1', 'qwertyuiop', 'iloveyou']) {
      const refused = await api.post('/api/auth/register', { email: 'common@example.com', password, name: 'C' });
      expect({ password, status: refused.status, code: refused.body.error?.details?.[0]?.code }).toEqual({ password, status: 400, code: 'common_password' });
      expect(refused.body.error.details[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/commonly used/) });
    }
    const blank = await api.post('/api/auth/register', { email: 'blank@example.com', password: '        ', name: 'B' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0]).toMatchObject({ path: 'password', code: 'blank_password' });
    expect((await api.post('/api/auth/register', { email: 'fine@example.com', password: 'violet tractor moonlight', name: 'F' })).status).toBe(201);
  });
});

describe('failed logins', () => {
  const login = (email: string, password: string, address: string) => api.call('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('slow one (account, address) pair down with growing waits, and never lock the owner out from another address', async () => {
    await api.signUp('victim@example.com');
    const attacker = '198.51.100.1';
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await login('victim@example.com', 'wrong password', attacker));
    expect(first.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    expect(first[3].body.error).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSec: 1 } });
    expect(first[3].headers.get('retry-after')).toBe('1');
    await sleep(1100);
    expect((await login('victim@example.com', 'wrong password', attacker)).status).toBe(401);
    const longer = await login('victim@example.com', 'wrong password', attacker);
    expect(longer.status).toBe(429);
    expect(longer.body.error.details.retryAfterSec).toBe(2);
    // The owner, from their own address, logs in at once: the attacker's failures do not lock them out.
    expect((await login('victim@example.com', 'correct horse battery', '198.51.100.2')).status).toBe(200);
    // Even the attacker's address is only delayed, and a success clears its pair.
    await sleep(2100);
    expect((await login('victim@example.com', 'correct horse battery', attacker)).status).toBe(200);
    expect((await login('victim@example.com', 'wrong password', attacker)).status).toBe(401);
  });

  it('keep a soft per-account limit: addresses that failed wait for the window, a new address still gets its attempt', async () => {
    await api.signUp('sprayed@example.com');
    for (let i = 0; i < 6; i++) expect((await login('sprayed@example.com', 'wrong password', `192.0.2.${i + 1}`)).status).toBe(401);
    const again = await login('sprayed@example.com', 'wrong password', '192.0.2.1');
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/for this account/);
    expect(again.body.error.details.retryAfterSec).toBeGreaterThan(60);
    expect((await login('sprayed@example.com', 'correct horse battery', '192.0.2.200')).status).toBe(200);
  });
});
