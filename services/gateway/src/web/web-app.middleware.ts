import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the gateway answers itself; everything else that is not a file is a route of the web app. */
const OWN_PATHS = /^\/(api|health|ready)(\/|$)/;

/**
 * Serves the built web app from `dir` (web/dist): hashed assets cached for a year, every other
 * GET that is not an API, health or asset path answered with index.html (never cached) so that a
 * deep link like `/projects/:id/designs/:id` opens the app on that page.
 *
 * @throws when `dir` holds no index.html — a misconfigured WEB_DIR fails at start, not per request.
 */
export function createWebAppMiddleware(dir: string): (req: Request, res: Response, next: NextFunction) => void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`WEB_DIR=${dir} holds no index.html: build the web app (npm run build) or unset WEB_DIR`);
  const indexHtml = readFileSync(indexFile);
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || OWN_PATHS.test(req.path)) return next();
    files(req, res, () => {
      // A missing asset is a 404, not the app: a stale tab must not get HTML for its script.
      if (req.path.startsWith('/assets/')) return next();
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : indexHtml);
    });
  };
}
