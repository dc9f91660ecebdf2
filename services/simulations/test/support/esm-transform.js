/**
 * Jest transform for the ESM-only packages a unit spec of the service loads (NestJS 12 and its
 * dependencies): ts-jest compiles them to CommonJS, with `import.meta.url` (which CommonJS lacks)
 * replaced by the file's URL. Node 20 runs them natively (require of ESM), Jest's module loader
 * does not (before Node 24.9).
 */
const { TsJestTransformer } = require('ts-jest');

const inner = new TsJestTransformer({
  tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', target: 'ES2022', experimentalDecorators: true, emitDecoratorMetadata: true, isolatedModules: true, ignoreDeprecations: '6.0' },
});
const withoutImportMeta = (src) => src.replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href");

module.exports = {
  process: (src, path, options) => inner.process(withoutImportMeta(src), path, options),
  getCacheKey: (src, path, options) => `${inner.getCacheKey(withoutImportMeta(src), path, options)}:no-import-meta`,
};
