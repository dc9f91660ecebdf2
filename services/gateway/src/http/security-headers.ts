import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of everything the gateway serves. The web app loads only its own
 * scripts, styles, workers and data (`'self'`), images also from `data:`/`blob:` (the icon, PNG
 * export), and may not be framed; the API's JSON answers get the same policy, which they never
 * need to relax.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year, the usual HSTS lifetime; sent only over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The usual security headers on every answer of the gateway: no MIME sniffing, no framing
 * (X-Frame-Options and CSP frame-ancestors), a CSP, no referrer beyond the origin, no powerful
 * features, an isolated browsing context, and HSTS when the request came over TLS (directly, or
 * through a proxy in TRUSTED_PROXIES that says `X-Forwarded-Proto: https`).
 */
export function securityHeadersMiddleware(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
  next();
}
