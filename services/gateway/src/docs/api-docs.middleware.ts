import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** The files of swagger-ui-dist (npm) the reference page loads; nothing comes from a CDN. */
const UI_FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** Starts Swagger UI on the page: a file of its own, so a strict Content-Security-Policy needs no inline script. */
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/docs.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    persistAuthorization: true,
    tryItOutEnabled: false,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Architech API reference</title>
<link rel="icon" type="image/png" href="/api/docs/ui/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/ui/swagger-ui-bundle.js"></script>
<script src="/api/docs/ui/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/ui/initializer.js"></script>
</body>
</html>
`;

/** Whether a request for /api/docs comes from a browser that wants a page rather than the JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/**
 * The API reference: `GET /api/docs` in a browser is Swagger UI (served from the swagger-ui-dist
 * package, no CDN) over `GET /api/docs.json`, the OpenAPI document; a client asking /api/docs for
 * JSON still gets the document. The UI files are cached a day.
 */
export function createApiDocsMiddleware(document: () => Record<string, unknown>): (req: Request, res: Response, next: NextFunction) => void {
  const dist = dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  const file = (name: string): Buffer => {
    let body = cache.get(name);
    if (!body) cache.set(name, (body = name === 'initializer.js' ? Buffer.from(INITIALIZER) : readFileSync(join(dist, name))));
    return body;
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api/docs.json') {
      res.setHeader('cache-control', 'no-cache');
      res.json(document());
      return;
    }
    if (req.path === '/api/docs' && wantsHtml(req.headers.accept)) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : PAGE);
      return;
    }
    const match = /^\/api\/docs\/ui\/([\w.-]+)$/.exec(req.path);
    if (match) {
      const name = match[1]!;
      const type = name === 'initializer.js' ? 'text/javascript; charset=utf-8' : UI_FILES[name];
      if (!type) return next();
      res.setHeader('content-type', type);
      res.setHeader('cache-control', 'public, max-age=86400');
      res.end(req.method === 'HEAD' ? undefined : file(name));
      return;
    }
    next();
  };
}
