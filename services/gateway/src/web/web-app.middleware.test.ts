import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createWebAppMiddleware } from './web-app.middleware';

describe('the web app middleware', () => {
  const dir = mkdtempSync(join(tmpdir(), 'architech-web-'));
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Architech</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
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

  it('refuses to start without a built app', () => {
    expect(() => createWebAppMiddleware(join(dir, 'missing'))).toThrow(/holds no index.html/);
  });
});
