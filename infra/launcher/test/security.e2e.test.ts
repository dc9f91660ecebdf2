import { launchBrowser } from '../../../web/test/support/browser';
import { apiClient, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher, TEST_ENV } from './support/processes';

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
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', TRUSTED_PROXIES: 'loopback', LOGIN_MAX_FAILURES_PER_ACCOUNT: '6', CORS_ORIGINS: 'https://app.example.com' });
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

describe('security headers and CORS', () => {
  it('sends the usual security headers on API answers, errors and the web app, and no X-Powered-By', async () => {
    for (const path of ['/api/me', '/api/nowhere', '/api/projects/%00', '/', '/health']) {
      const response = await fetch(topology.url + path);
      expect({ path, poweredBy: response.headers.get('x-powered-by') }).toEqual({ path, poweredBy: null });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS when the request came over TLS through a trusted proxy', async () => {
    const response = await fetch(`${topology.url}/api/me`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('allows only the configured origins, never echoing any origin', async () => {
    const allowed = await fetch(`${topology.url}/api/me`, { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const evil = await fetch(`${topology.url}/api/me`, { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${topology.url}/api/projects`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses CORS_ORIGINS=* in production and an origin with a path anywhere', async () => {
    const attempt = (env: NodeJS.ProcessEnv) =>
      startLauncher({ DATABASE_URL: db.url, ...env }).then(
        async (started) => (await started.stop(), 'it started'),
        (error: Error) => error.message,
      );
    expect(await attempt({ NODE_ENV: 'production', CORS_ORIGINS: '*', JWT_SECRET: 'a-production-secret-of-length', INTERNAL_TOKEN: 'a-production-internal-token' })).toMatch(/CORS_ORIGINS/);
    expect(await attempt({ CORS_ORIGINS: 'https://app.example.com/path' })).toMatch(/CORS_ORIGINS/);
    expect(TEST_ENV.NODE_ENV).toBe('test');
  });

  it('serves a web app that runs under its CSP: no violation while signing in and opening the editor', async () => {
    const user = await api.signUp('csp@example.com');
    const project = (await api.post('/api/projects', { name: 'CSP' }, user.token)).body;
    const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'D', ...sampleDesign() }, user.token)).body;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
      });
      await page.goto(`${topology.url}/login`);
      await page.getByLabel(/email/i).fill('csp@example.com');
      await page.getByLabel(/password/i).fill('correct horse battery');
      await page.getByRole('button', { name: /log in|sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
      await page.goto(`${topology.url}/projects/${project.id}/designs/${design.id}`);
      await page.getByTestId('editor-canvas').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1500);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('sessions: logout, log out everywhere, refresh tokens', () => {
  const loginAs = async (email: string) => (await api.post('/api/auth/login', { email, password: 'correct horse battery' })).body;

  it('issues short-lived access tokens with a refresh token; logout revokes that token and its session at once', async () => {
    await api.signUp('sessions@example.com');
    const login = await loginAs('sessions@example.com');
    expect(login).toMatchObject({ tokenType: 'Bearer', expiresInSec: 900, refreshToken: expect.any(String), refreshExpiresInSec: expect.any(Number) });
    expect(login.refreshExpiresInSec).toBeGreaterThan(29 * 86_400);
    const other = await loginAs('sessions@example.com');
    expect((await api.get('/api/me', login.accessToken)).status).toBe(200);
    const out = await api.post('/api/auth/logout', undefined, login.accessToken);
    expect(out.status).toBe(204);
    const after = await api.get('/api/me', login.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
    expect((await api.get('/api/projects', login.accessToken)).status).toBe(401);
    const refreshAfterLogout = await api.post('/api/auth/refresh', { refreshToken: login.refreshToken });
    expect(refreshAfterLogout.status).toBe(401);
    expect(refreshAfterLogout.body.error.code).toBe('invalid_refresh_token');
    // Another session of the same user is untouched.
    expect((await api.get('/api/me', other.accessToken)).status).toBe(200);
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    await api.signUp('rotate@example.com');
    const login = await loginAs('rotate@example.com');
    const first = await api.post('/api/auth/refresh', { refreshToken: login.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.refreshToken);
    expect(first.body.accessToken).not.toBe(login.accessToken);
    expect((await api.get('/api/me', first.body.accessToken)).body.user.email).toBe('rotate@example.com');
    const second = await api.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    // The first refresh token again: replayed, so the session (and the tokens it gave) ends.
    const replay = await api.post('/api/auth/refresh', { refreshToken: login.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    expect((await api.post('/api/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 2100)); // the gateway's REVOCATION_CACHE_MS
    expect((await api.get('/api/me', second.body.accessToken)).status).toBe(401);
    expect((await api.post('/api/auth/refresh', { refreshToken: 'made-up' })).body.error.code).toBe('invalid_refresh_token');
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    await api.signUp('race@example.com');
    const login = await loginAs('race@example.com');
    const answers = await Promise.all([1, 2].map(() => api.post('/api/auth/refresh', { refreshToken: login.refreshToken })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('logs out everywhere: every session of the user ends, other users keep theirs', async () => {
    await api.signUp('everywhere@example.com');
    await api.signUp('bystander@example.com');
    const phone = await loginAs('everywhere@example.com');
    const laptop = await loginAs('everywhere@example.com');
    const bystander = await loginAs('bystander@example.com');
    const out = await api.post('/api/auth/logout-all', undefined, laptop.accessToken);
    expect(out.status).toBe(200);
    expect(out.body.sessions).toBe(3); // signUp's login, the phone and the laptop
    expect((await api.get('/api/me', laptop.accessToken)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 2100)); // the gateway's REVOCATION_CACHE_MS
    expect((await api.get('/api/me', phone.accessToken)).status).toBe(401);
    expect((await api.post('/api/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
    expect((await api.get('/api/me', bystander.accessToken)).status).toBe(200);
    const again = await loginAs('everywhere@example.com');
    expect((await api.get('/api/me', again.accessToken)).status).toBe(200);
  });
});

describe('the web app and sessions', () => {
  it('renews an expired access token with the refresh token, and logs out on the server', async () => {
    await api.signUp('browser@example.com');
    const login = (await api.post('/api/auth/login', { email: 'browser@example.com', password: 'correct horse battery' })).body;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // A stored session whose access token the app believes expired: it must renew, not log out.
      const stale = { accessToken: login.accessToken, refreshToken: login.refreshToken, user: login.user, expiresAt: Date.now() - 1000, refreshExpiresAt: Date.now() + 86_400_000 };
      await page.goto(`${topology.url}/login`);
      await page.evaluate((session) => localStorage.setItem('architech.session', JSON.stringify(session)), stale);
      await page.goto(`${topology.url}/projects`);
      await page.getByRole('button', { name: 'Log out', exact: true }).waitFor({ timeout: 20_000 });
      // The button shows as soon as the app holds a session; the renewal lands with its first API call.
      await page.waitForFunction((old) => JSON.parse(localStorage.getItem('architech.session') ?? 'null')?.refreshToken !== old, login.refreshToken, { timeout: 20_000 });
      const renewed = await page.evaluate(() => JSON.parse(localStorage.getItem('architech.session')!));
      expect(renewed.refreshToken).not.toBe(login.refreshToken);
      expect(renewed.accessToken).not.toBe(login.accessToken);
      expect(renewed.expiresAt).toBeGreaterThan(Date.now());
      // The old refresh token was used by the app: replaying it now ends that session.
      await page.getByRole('button', { name: 'Log out', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/login', { timeout: 20_000 });
      expect(await page.evaluate(() => localStorage.getItem('architech.session'))).toBeNull();
      expect((await api.get('/api/me', renewed.accessToken)).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: renewed.refreshToken })).status).toBe(401);
    } finally {
      await browser.close();
    }
  });
});
