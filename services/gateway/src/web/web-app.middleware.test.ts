import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { createWebAppMiddleware, pickEncoding } from './web-app.middleware';

const BIG_SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n');

/** GET without decoding: the bytes and headers as they travel. */
function raw(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the web app middleware', () => {
  const dir = mkdtempSync(join(tmpdir(), 'architech-web-'));
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Architech</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'big-5678.js'), BIG_SCRIPT);
    writeFileSync(join(dir, 'assets', 'big-5678.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const app = express();
    app.use(createWebAppMiddleware(dir));
    app.use((req, res) => res.status(404).json({ error: { code: 'not_found', message: `nothing at ${req.path}` } }));
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', resolve)));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a deep link of the app with index.html, never cached', async () => {
    const res = await fetch(`${base}/projects/42/designs/7?panel=history`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Architech</title>');
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await fetch(`${base}/assets/app-1234.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404 rather than the app', async () => {
    expect((await fetch(`${base}/assets/gone-0000.js`)).status).toBe(404);
  });

  it('leaves API, health and non-GET requests to the gateway', async () => {
    for (const path of ['/api/projects', '/health', '/ready']) expect((await fetch(`${base}${path}`)).status).toBe(404);
    expect((await fetch(`${base}/projects`, { method: 'POST' })).status).toBe(404);
  });

  it('compresses scripts with brotli or gzip as the client accepts, keeping the long cache', async () => {
    const br = await raw(`${base}/assets/big-5678.js`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(BIG_SCRIPT.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT);
    const gz = await raw(`${base}/assets/big-5678.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_SCRIPT);
    const plain = await raw(`${base}/assets/big-5678.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);
  });

  it('never serves source maps', async () => {
    expect((await raw(`${base}/assets/big-5678.js.map`)).status).toBe(404);
  });

  it('picks the encoding from Accept-Encoding, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding(undefined)).toBeUndefined();
  });

  it('compresses every built asset at start, off the event loop, and serves those bodies', async () => {
    // A synchronous compression of a first visit's scripts (~200 ms) would stall every API answer meanwhile.
    // The module object the middleware calls into (an ES namespace import's properties cannot be spied on).
    const zlib = jest.requireActual<typeof import('node:zlib')>('node:zlib');
    const brotliSync = jest.spyOn(zlib, 'brotliCompressSync');
    const gzipSync = jest.spyOn(zlib, 'gzipSync');
    try {
      const other = mkdtempSync(join(tmpdir(), 'architech-web-warm-'));
      mkdirSync(join(other, 'assets'));
      writeFileSync(join(other, 'index.html'), `<!doctype html><title>Architech</title>${' '.repeat(2000)}`);
      writeFileSync(join(other, 'assets', 'warm-0001.js'), BIG_SCRIPT);
      const app = express();
      const middleware = createWebAppMiddleware(other);
      app.use(middleware);
      await middleware.warmed;
      const started = await new Promise<ReturnType<ReturnType<typeof express>['listen']>>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      const url = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
      const br = await raw(`${url}/assets/warm-0001.js`, 'br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT);
      const index = await raw(`${url}/projects/1`, 'gzip');
      expect(index.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(index.body).toString()).toContain('<title>Architech</title>');
      started.close();
      rmSync(other, { recursive: true, force: true });
      expect(brotliSync).not.toHaveBeenCalled();
      expect(gzipSync).not.toHaveBeenCalled();
    } finally {
      brotliSync.mockRestore();
      gzipSync.mockRestore();
    }
  });

  it('refuses to start without a built app', () => {
    expect(() => createWebAppMiddleware(join(dir, 'missing'))).toThrow(/holds no index.html/);
  });
});
