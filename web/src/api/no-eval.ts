/*
 * Imported first by every browser entry point (the page, the preview worker), before any schema
 * is built. The app runs under a Content-Security-Policy without 'unsafe-eval' (docs/api.md); zod
 * probes `new Function` when an object schema is built unless `jitless` is set, and browsers report
 * that probe as a CSP violation even though zod catches it. Zod reads its configuration from this
 * global, shared by every copy of it, so setting it here needs no import of zod.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
