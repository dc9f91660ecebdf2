import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the gateway answers itself; everything else that is not a file is a route of the web app. */
const OWN_PATHS = /^\/(api|health|ready)(\/|$)/;

/** Text files worth compressing, by extension, with their content type. */
const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Smaller files are sent as they are: compressing them saves nothing. */
const MIN_COMPRESS_BYTES = 1024;

type Encoding = 'br' | 'gzip';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `raw` compressed on libuv's thread pool (brotli quality 9, gzip 9): a first visit's ~800 kB of scripts cost ~200 ms of CPU, which must not stall the event loop that answers the API. */
function compress(raw: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipAsync(raw, { level: 9 });
}

/** The web app's middleware, and when every built asset has been compressed in advance. */
export type WebAppMiddleware = ((req: Request, res: Response, next: NextFunction) => void) & { readonly warmed: Promise<void> };

/** The best encoding the client accepts (brotli, then gzip), honouring `q=0`. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wants('br') ? 'br' : wants('gzip') ? 'gzip' : undefined;
}

/**
 * Serves the built web app from `dir` (web/dist): hashed assets cached for a year, every other
 * GET that is not an API, health or asset path answered with index.html (never cached) so that a
 * deep link like `/projects/:id/designs/:id` opens the app on that page. Scripts, styles and HTML
 * go out brotli- or gzip-compressed when the client accepts it (compressed once per file, off the
 * event loop, every built asset at start: `warmed`);
 * source maps are never served (a build that made them keeps them to itself).
 *
 * @throws when `dir` holds no index.html — a misconfigured WEB_DIR fails at start, not per request.
 */
export function createWebAppMiddleware(dir: string): WebAppMiddleware {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`WEB_DIR=${dir} holds no index.html: build the web app (npm run build) or unset WEB_DIR`);
  const indexHtml = readFileSync(indexFile);
  const root = normalize(dir + sep);
  const compressed = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>();
  const encoded = (file: string, encoding: Encoding, raw: Buffer, mtimeMs: number): Promise<Buffer> => {
    const key = `${encoding}:${file}`;
    const hit = compressed.get(key);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const entry = { mtimeMs, body: compress(raw, encoding) };
    entry.body.catch(() => {
      if (compressed.get(key) === entry) compressed.delete(key);
    });
    compressed.set(key, entry);
    return entry.body;
  };
  /** The file's bytes and modification time when it is a text file worth compressing. */
  const compressible = (file: string, body?: Buffer): { raw: Buffer; mtimeMs: number; type: string } | undefined => {
    const type = COMPRESSIBLE[extname(file)];
    if (!type) return undefined;
    let raw = body;
    let mtimeMs = 0;
    if (!raw) {
      let stat;
      try {
        stat = statSync(file);
      } catch {
        return undefined;
      }
      if (!stat.isFile()) return undefined;
      raw = readFileSync(file);
      mtimeMs = stat.mtimeMs;
    }
    return raw.length < MIN_COMPRESS_BYTES ? undefined : { raw, mtimeMs, type };
  };
  // Every built asset, compressed both ways from the start, so a first visit waits for none of it.
  const assets = join(dir, 'assets');
  const warmed = Promise.all(
    [indexFile, ...(existsSync(assets) ? readdirSync(assets).map((name) => join(assets, name)) : [])].flatMap((file) => {
      const text = compressible(file, file === indexFile ? indexHtml : undefined);
      return text ? (['br', 'gzip'] as const).map((encoding) => encoded(file, encoding, text.raw, text.mtimeMs).catch(() => undefined)) : [];
    }),
  ).then(() => undefined);
  /** Sends `file` compressed when it is text and the client takes it; false to leave it to express.static. */
  const sendCompressed = (req: Request, res: Response, next: NextFunction, file: string, body?: Buffer): boolean => {
    const encoding = COMPRESSIBLE[extname(file)] ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : undefined;
    const text = encoding ? compressible(file, body) : undefined;
    if (!encoding || !text) return false;
    encoded(file, encoding, text.raw, text.mtimeMs).then((out) => {
      res.setHeader('content-type', text.type);
      res.setHeader('content-encoding', encoding);
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader('content-length', String(out.length));
      res.setHeader('cache-control', file.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : out);
    }, next);
    return true;
  };
  const sendIndex = (req: Request, res: Response, next: NextFunction) => {
    if (sendCompressed(req, res, next, indexFile, indexHtml)) return;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : indexHtml);
  };
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || OWN_PATHS.test(req.path)) return next();
    // Source maps stay private: they would publish the whole source.
    if (req.path.endsWith('.map')) return next();
    if (req.path === '/' || req.path === '/index.html') return sendIndex(req, res, next);
    let file: string | undefined;
    try {
      file = normalize(join(dir, decodeURIComponent(req.path)));
    } catch {
      file = undefined; // a malformed escape: express.static answers it
    }
    if (file !== undefined && file.startsWith(root) && sendCompressed(req, res, next, file)) return;
    files(req, res, () => {
      // A missing asset is a 404, not the app: a stale tab must not get HTML for its script.
      if (req.path.startsWith('/assets/')) return next();
      sendIndex(req, res, next);
    });
  };
  return Object.assign(middleware, { warmed });
}
