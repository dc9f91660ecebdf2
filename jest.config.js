/** Root jest configuration: one project per workspace package; TypeScript transpiled by ts-jest. */
const tsJest = ['ts-jest', { tsconfig: `${__dirname}/tsconfig.jest.json` }];

const moduleNameMapper = {
  '^@architech/contracts$': `${__dirname}/packages/contracts/src/index.ts`,
  '^@architech/sim-engine$': `${__dirname}/packages/sim-engine/src/index.ts`,
  '^@architech/editor-core$': `${__dirname}/packages/editor-core/src/index.ts`,
  '^@architech/iac-import$': `${__dirname}/packages/iac-import/src/index.ts`,
  '^@architech/iac-import/hcl$': `${__dirname}/packages/iac-import/src/hcl-wasm.ts`,
};

const project = (dir) => ({
  displayName: dir.split('/').pop(),
  rootDir: `<rootDir>/${dir}`,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleNameMapper,
});

/**
 * A workspace whose unit specs load NestJS classes: NestJS 12 ships ES modules only, which Jest's
 * module loader cannot require on Node 20, so they are compiled to CommonJS on the way in.
 */
const withNest = (config) => ({
  ...config,
  transform: { ...config.transform, '^.+\\.js$': `${__dirname}/services/simulations/test/support/esm-transform.js` },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
});
const NEST_SPECS = new Set(['services/simulations']);

module.exports = {
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    'packages/contracts',
    'packages/sim-engine',
    'packages/editor-core',
    'packages/iac-import',
    'packages/cli',
    'packages/service-kit',
    'services/users',
    'services/projects',
    'services/designs',
    'services/gateway',
    'services/simulations',
    'infra/launcher',
    'web',
    'infra/deploy-check',
    'tools',
  ].map((dir) => (NEST_SPECS.has(dir) ? withNest(project(dir)) : project(dir))),
};
