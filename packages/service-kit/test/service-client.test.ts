import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiException } from '../src/errors/api-exception';
import { ServiceClient } from '../src/http/service-client';

/* Service-to-service calls: the answers the callers rely on, the headers sent, and kept-alive sockets. */

let server: Server;
let base: string;
let connections = 0;
const seen: { method?: string; url?: string; token?: string; body: string }[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method, url: req.url, token: req.headers['x-internal-token'] as string | undefined, body });
  if (req.url === '/missing') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{}}');
  if (req.url === '/broken') return void res.writeHead(500).end('boom');
  if (req.url === '/not-json') return void res.writeHead(200).end('<html>');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, echo: body ? JSON.parse(body) : null }));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => answer(req, res, body));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = async (call: Promise<unknown>) => {
  try {
    await call;
    return 'answered';
  } catch (error) {
    return error instanceof ApiException ? `${error.status} ${(error.body() as { error: { code: string } }).error.code}` : String(error);
  }
};

describe('ServiceClient', () => {
  const client = () => new ServiceClient(base, 'secret', 'peer');

  it('GETs and POSTs JSON with the internal token, on one kept-alive socket', async () => {
    const peer = client();
    const before = connections;
    await expect(peer.get('/a?x=1')).resolves.toEqual({ path: '/a?x=1', echo: null });
    await expect(peer.post('/b', { n: 1, text: 'é' })).resolves.toEqual({ path: '/b', echo: { n: 1, text: 'é' } });
    await expect(peer.get('/c')).resolves.toEqual({ path: '/c', echo: null });
    expect(connections - before).toBe(1);
    expect(seen.slice(-3).map((s) => [s.method, s.token])).toEqual([['GET', 'secret'], ['POST', 'secret'], ['GET', 'secret']]);
  });

  it('answers undefined for a 404 and names the peer when it fails or answers no JSON', async () => {
    await expect(client().get('/missing')).resolves.toBeUndefined();
    expect(await failure(client().get('/broken'))).toBe('502 dependency_failed');
    expect(await failure(client().get('/not-json'))).toBe('502 dependency_failed');
    expect(await failure(new ServiceClient('http://127.0.0.1:1', 'secret', 'peer').get('/x'))).toBe('503 dependency_unavailable');
  });
});

describe('ServiceClient without a peer', () => {
  it('can be built with an empty address (a topology without that service) and says so when called', async () => {
    const absent = new ServiceClient('', 'secret', 'simulations');
    expect(await failure(absent.get('/x'))).toBe('503 dependency_unavailable');
  });
});
