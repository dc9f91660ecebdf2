/** Root jest configuration: one project per workspace package, TypeScript via SWC. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } }];

const moduleNameMapper = {
  '^@architech/contracts$': '<rootDir>/../contracts/src/index.ts',
  '^@architech/sim-engine$': '<rootDir>/../sim-engine/src/index.ts',
};

const project = (dir) => ({
  displayName: dir.split('/').pop(),
  rootDir: `<rootDir>/${dir}`,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleNameMapper,
});

module.exports = {
  projects: ['packages/contracts', 'packages/sim-engine', 'packages/cli'].map(project),
};
