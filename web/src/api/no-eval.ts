/*
 * Imported first by the preview worker (one chunk, so first means first) and by the page, where
 * index.html also loads public/no-eval.js before any module: in the split bundle a shared chunk
 * holding the schemas can be evaluated before the entry's own first import. The app runs under a
 * Content-Security-Policy without 'unsafe-eval' (docs/api.md); zod probes `new Function` when an object schema is built unless `jitless` is set, and browsers report
 * that probe as a CSP violation even though zod catches it. Zod reads its configuration from this
 * global, shared by every copy of it, so setting it here needs no import of zod.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
// Zod keeps the object it finds here: add to it, never replace it.
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
