import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (pkg: string): string => fileURLToPath(new URL(`../packages/${pkg}/src/index.ts`, import.meta.url));

/** The mode of the build browser tests and benchmarks serve: the production build plus `window.__architech*` test hooks. */
export const TEST_HOOKS_MODE = 'test-hooks';

/**
 * The web app is bundled from the workspace packages' TypeScript sources (their `dist` is CommonJS
 * for Node). In development `/api` is proxied to the gateway of `npm start`.
 *
 * `vite build` writes the production bundle to `dist` (what the gateway serves); `vite build --mode
 * test-hooks` writes the same app with its test hooks to `dist-test-hooks` (what browser tests and
 * the web benchmarks serve through WEB_DIR). Code guarded by `import.meta.env.MODE === 'test-hooks'`
 * is dropped from the production bundle.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: {
    alias: {
      '@architech/contracts': source('contracts'),
      '@architech/editor-core': source('editor-core'),
      '@architech/sim-engine': source('sim-engine'),
      // The fault importer's ES sources, not its CommonJS build (which bundled the contracts a second time, into every page's first load).
      '@architech/iac-import': source('iac-import'),
    },
  },
  worker: { format: 'es' },
  // Maps are written for local debugging but not referenced from the bundles, and the gateway never serves them.
  build: { outDir: mode === TEST_HOOKS_MODE ? 'dist-test-hooks' : 'dist', sourcemap: 'hidden', chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: process.env.ARCHITECH_API ?? 'http://localhost:8080', changeOrigin: false } } },
}));
