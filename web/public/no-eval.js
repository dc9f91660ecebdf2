/*
 * Loaded by index.html before the app's modules (a classic script runs before deferred module
 * scripts, whatever the bundler's chunk order). The app runs under a Content-Security-Policy without
 * 'unsafe-eval'; zod probes `new Function` when it builds an object schema unless `jitless` is set,
 * and browsers report that probe as a violation even though zod catches it. Zod keeps the object it
 * finds at `globalThis.__zod_globalConfig`, so the setting is added to that object, never replaced.
 */
(globalThis.__zod_globalConfig ??= {}).jitless = true;
