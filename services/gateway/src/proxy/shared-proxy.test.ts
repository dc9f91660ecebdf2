import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { TokenService } from '@architech/service-kit';
import { loadGatewayConfig } from '../config';
import { createProxyMiddleware } from './proxy.middleware';

/*
 * The gateway's share-link path against fake services: the rate limit applies before anything
 * else, an ungranted request is a 404 without asking simulations, and a granted one reaches the
 * internal route of the resolved run with the internal token and none of the client's credentials.
 */

const TOKEN = 'T'.repeat(43);
const RUN = '11111111-1111-4111-8111-111111111111';
const DESIGN = '22222222-2222-4222-8222-222222222222';
const INTERNAL = 'internal-token-for-the-test';

function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('shared reads through the gateway', () => {
  const servers: Server[] = [];
  const resolutions: { token: string; open: boolean }[] = [];
  const seen: { path: string; headers: Record<string, unknown> }[] = [];
  let gateway: string;
  let clock = 0;

  beforeAll(async () => {
    const simulations = express();
    simulations.use(express.json());
    simulations.post('/internal/share-links/resolve', (req, res) => {
      resolutions.push({ token: req.body.token, open: req.body.open });
      if (req.header('x-internal-token') !== INTERNAL || req.body.token !== TOKEN) return void res.status(404).json({ error: { code: 'not_found', message: 'share link not found' } });
      res.json({ linkId: 'l1', simulationId: RUN, designId: DESIGN, expiresAt: '2030-01-01T00:00:00.000Z' });
    });
    simulations.get('/internal/shared-runs/:id', (req, res) => res.json({ id: req.params.id }));
    const telemetry = express();
    telemetry.use((req, res) => {
      seen.push({ path: req.originalUrl, headers: req.headers });
      res.json({ ok: true });
    });
    const [sim, tel] = [await listen(simulations), await listen(telemetry)];
    servers.push(sim.server, tel.server);
    const config = loadGatewayConfig({ SIMULATIONS_URL: sim.url, TELEMETRY_URL: tel.url, INTERNAL_TOKEN: INTERNAL, RATE_LIMIT_PER_MIN: '60', RATE_LIMIT_BURST: '5' });
    const app = express();
    app.use(createProxyMiddleware(config, new TokenService('a-secret-long-enough-for-the-test', 900), () => clock));
    const gw = await listen(app);
    servers.push(gw.server);
    gateway = gw.url;
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it('forwards a granted read to the resolved run’s internal route, with the internal token and without the client’s credentials', async () => {
    const answer = await fetch(`${gateway}/api/shared/${TOKEN}/metrics?metric=throughput`, { headers: { authorization: 'Bearer someone', cookie: 'a=b', 'x-internal-token': 'forged' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-share-expires-at')).toBe('2030-01-01T00:00:00.000Z');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const upstream = seen.at(-1)!;
    expect(upstream.path).toBe(`/internal/simulations/${RUN}/metrics?metric=throughput`);
    expect(upstream.headers['x-internal-token']).toBe(INTERNAL);
    expect(upstream.headers.authorization).toBeUndefined();
    expect(upstream.headers.cookie).toBeUndefined();
    expect(resolutions.at(-1)).toEqual({ token: TOKEN, open: false });
    expect(await (await fetch(`${gateway}/api/shared/${TOKEN}`)).json()).toEqual({ id: RUN });
    expect(resolutions.at(-1)).toEqual({ token: TOKEN, open: true });
  });

  it('answers 404 to an ungranted request without resolving the token, and to an unknown token', async () => {
    const before = resolutions.length;
    expect((await fetch(`${gateway}/api/shared/${TOKEN}/metrics`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${gateway}/api/shared/${TOKEN}/simulations/${RUN}`)).status).toBe(404);
    expect(resolutions.length).toBe(before);
    const unknown = await fetch(`${gateway}/api/shared/${'U'.repeat(43)}/logs`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/revoked, or has expired/);
  });

  it('rate-limits shared requests like every API request', async () => {
    clock += 3_600_000;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${gateway}/api/shared/${TOKEN}/logs`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
