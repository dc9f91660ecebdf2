import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { apiClient } from './support/api-client';
import { startLauncher } from './support/processes';

/*
 * The embedded start with defaults (issue 13, item 13): no token can be forged with the development
 * secret published in the source, because a random secret is generated on the first start and
 * kept in the data directory (stable across restarts), and the product listens on loopback only
 * unless HOST says otherwise.
 */

jest.setTimeout(180_000);

const DEVELOPMENT_SECRET = 'architech-development-secret-change-me';
/** The user's defaults: no secrets, no host (the test support sets both otherwise). */
const DEFAULTS = { JWT_SECRET: '', INTERNAL_TOKEN: '', GATEWAY_HOST: '', HOST: '', DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0' };

/** An address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('the embedded start with default settings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'architech-secrets-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses tokens forged with the development secret, keeps its own secret in DATA_DIR across restarts, and listens on loopback', async () => {
    let topology = await startLauncher({ ...DEFAULTS, DATA_DIR: dataDir });
    let token: string;
    try {
      const api = apiClient(topology.url);
      const user = await api.signUp('embedded@example.com');
      token = user.token;
      const forged = jwt.sign({ email: 'embedded@example.com' }, DEVELOPMENT_SECRET, { subject: user.id, issuer: 'architech', expiresIn: 600 });
      expect((await api.get('/api/me', forged)).status).toBe(401);
      expect((await api.get('/api/me', token)).status).toBe(200);
      // Sessions on PGlite: refresh rotates, concurrent refreshes have one winner, logout revokes.
      const login = (await api.post('/api/auth/login', { email: 'embedded@example.com', password: 'correct horse battery' })).body;
      const raced = await Promise.all([1, 2].map(() => api.post('/api/auth/refresh', { refreshToken: login.refreshToken })));
      expect(raced.map((r) => r.status).sort()).toEqual([200, 401]);
      const second = (await api.post('/api/auth/login', { email: 'embedded@example.com', password: 'correct horse battery' })).body;
      expect((await api.post('/api/auth/logout', undefined, second.accessToken)).status).toBe(204);
      expect((await api.get('/api/me', second.accessToken)).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
      const file = join(dataDir, 'secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const secrets = JSON.parse(readFileSync(file, 'utf8'));
      expect(secrets.JWT_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(secrets.JWT_SECRET).not.toBe(DEVELOPMENT_SECRET);
      const port = Number(new URL(topology.url).port);
      expect(new URL(topology.url).hostname).toBe('127.0.0.1');
      const external = externalAddress();
      if (external) expect(await reachable(external, port)).toBe(false);
    } finally {
      await topology.stop();
    }
    topology = await startLauncher({ ...DEFAULTS, DATA_DIR: dataDir });
    try {
      expect((await apiClient(topology.url).get('/api/me', token)).status).toBe(200);
    } finally {
      await topology.stop();
    }
  });

  it('listens on every interface when HOST says so', async () => {
    const external = externalAddress();
    const topology = await startLauncher({ ...DEFAULTS, DATA_DIR: dataDir, HOST: '0.0.0.0' });
    try {
      const port = Number(new URL(topology.url).port);
      expect(await reachable('127.0.0.1', port)).toBe(true);
      if (external) expect(await reachable(external, port)).toBe(true);
    } finally {
      await topology.stop();
    }
  });
});
