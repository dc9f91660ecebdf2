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
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
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
