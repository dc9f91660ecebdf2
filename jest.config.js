/** Root jest configuration: one project per workspace package; TypeScript transpiled by ts-jest. */
const tsJest = ['ts-jest', { tsconfig: `${__dirname}/tsconfig.jest.json` }];

const moduleNameMapper = {
  '^@architech/contracts$': `${__dirname}/packages/contracts/src/index.ts`,
  '^@architech/sim-engine$': `${__dirname}/packages/sim-engine/src/index.ts`,
  '^@architech/editor-core$': `${__dirname}/packages/editor-core/src/index.ts`,
  '^@architech/iac-import$': `${__dirname}/packages/iac-import/src/index.ts`,
  '^@architech/iac-import/hcl$': `${__dirname}/packages/iac-import/src/hcl-wasm.ts`,
  // NestJS 12 is ES modules only; jest (before Node 24.9) cannot require those, Node can.
  '^@nestjs/(common|core|platform-express)$': `${__dirname}/tools/jest/nestjs-$1.js`,
};

const project = (dir) => ({
  displayName: dir.split('/').pop(),
  rootDir: `<rootDir>/${dir}`,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleNameMapper,
});

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
    'services/telemetry',
    'infra/launcher',
    'web',
    'infra/deploy-check',
    'tools',
  ].map(project),
};
