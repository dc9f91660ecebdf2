import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (pkg: string): string => fileURLToPath(new URL(`../packages/${pkg}/src/index.ts`, import.meta.url));

/**
 * The web app is bundled from the workspace packages' TypeScript sources (their `dist` is CommonJS
 * for Node). In development `/api` is proxied to the gateway of `npm start`.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@architech/contracts': source('contracts'),
      '@architech/editor-core': source('editor-core'),
      '@architech/sim-engine': source('sim-engine'),
    },
  },
  worker: { format: 'es' },
  // Maps are written for local debugging but not referenced from the bundles, and the gateway never serves them.
  build: { outDir: 'dist', sourcemap: 'hidden', chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: process.env.ARCHITECH_API ?? 'http://localhost:8080', changeOrigin: false } } },
});
