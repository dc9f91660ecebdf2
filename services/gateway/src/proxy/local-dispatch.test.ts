import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { TokenService } from '@architech/service-kit';
import { loadGatewayConfig } from '../config';
import { createProxyMiddleware, type LocalService } from './proxy.middleware';

/*
 * GATEWAY_LOCAL_DISPATCH: a service in the gateway's process gets the request itself, not over
 * HTTP (its URL here answers nothing), with what it would have received over HTTP: the body, the
 * forwarded headers without the client's internal token, and the client address the gateway
 * resolved as `req.ip`, whatever the service's own proxy settings would make of the socket.
 */

const SECRET = 'a-secret-long-enough-for-the-test';
const UNREACHABLE = 'http://127.0.0.1:9';

function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('requests dispatched to a service in the gateway process', () => {
  const servers: Server[] = [];
  const seen: { url: string; ip: string | undefined; body: unknown; headers: Record<string, unknown> }[] = [];
  let gateway: string;
  let token: string;

  beforeAll(async () => {
    // Only the revocation check goes over HTTP, to the users service.
    const users = express();
    users.get('/internal/tokens/status', (_req, res) => res.json({ revoked: false }));
    const usersServer = await listen(users);
    servers.push(usersServer.server);
    // The projects service's application, never listening: its own proxy settings trust nobody.
    const projects = express();
    projects.set('trust proxy', false);
    projects.use(express.json());
    projects.post('/api/projects', (req, res) => {
      seen.push({ url: req.originalUrl, ip: req.ip, body: req.body, headers: req.headers });
      res.status(201).json({ created: req.body.name });
    });
    const config = loadGatewayConfig({ USERS_URL: usersServer.url, PROJECTS_URL: UNREACHABLE, DESIGNS_URL: UNREACHABLE, RATE_LIMIT_PER_MIN: '0' });
    const tokens = new TokenService(SECRET, 900);
    token = tokens.sign({ id: '33333333-3333-4333-8333-333333333333', email: 'a@example.com' }, 'session-1').accessToken;
    const app = express();
    // The gateway believes forwarding headers from loopback (TRUSTED_PROXIES=loopback).
    app.set('trust proxy', 'loopback');
    app.use(createProxyMiddleware(config, tokens, Date.now, { projects: projects as unknown as LocalService }));
    const gw = await listen(app);
    servers.push(gw.server);
    gateway = gw.url;
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it('hands the request with its body and the forwarded headers to the local application', async () => {
    const answer = await fetch(`${gateway}/api/projects?x=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', 'x-internal-token': 'forged' },
      body: JSON.stringify({ name: 'Local' }),
    });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ created: 'Local' });
    const request = seen.at(-1)!;
    expect(request.url).toBe('/api/projects?x=1');
    expect(request.body).toEqual({ name: 'Local' });
    // The address the gateway resolved, not the socket's (127.0.0.1) the service would have used.
    expect(request.ip).toBe('203.0.113.9');
    expect(request.headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(request.headers['x-internal-token']).toBeUndefined();
    expect(request.headers.authorization).toBe(`Bearer ${token}`);
    expect(request.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('answers 404 in the API shape for a path the local application does not route, and 503 for a service that is neither local nor up', async () => {
    const missing = await fetch(`${gateway}/api/projects/44444444-4444-4444-8444-444444444444/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const remote = await fetch(`${gateway}/api/designs/44444444-4444-4444-8444-444444444444`, { headers: { authorization: `Bearer ${token}` } });
    expect(remote.status).toBe(503);
  });
});
