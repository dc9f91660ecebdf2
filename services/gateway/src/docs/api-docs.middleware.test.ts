import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApiDocsMiddleware, wantsHtml } from './api-docs.middleware';

describe('the API reference', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(createApiDocsMiddleware(() => ({ openapi: '3.1.0', info: { title: 'Architech API' } })));
    app.use((req, res) => res.status(404).json({ error: { code: 'not_found', message: `nothing at ${req.path}` } }));
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', resolve)));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('is a Swagger UI page for a browser, loading only local files', async () => {
    const res = await fetch(`${base}/api/docs`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('/api/docs/ui/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>[^<]/);
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css', 'initializer.js']) {
      const asset = await fetch(`${base}/api/docs/ui/${file}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect(await (await fetch(`${base}/api/docs/ui/initializer.js`)).text()).toContain("url: '/api/docs.json'");
  });

  it('serves the OpenAPI document at /api/docs.json, and leaves /api/docs to the JSON route for tools', async () => {
    const json = await fetch(`${base}/api/docs.json`);
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ openapi: '3.1.0' });
    expect((await fetch(`${base}/api/docs`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${base}/api/docs`)).status).toBe(404);
    expect((await fetch(`${base}/api/docs/ui/package.json`)).status).toBe(404);
  });

  it('reads the Accept header the way browsers and tools send it', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json, text/html')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
  });
});
