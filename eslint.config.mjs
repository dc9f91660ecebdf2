// Lint enforces the architecture (docs/architecture.md): the import table of tools/boundaries
// (dependency direction, public entries only, no relative paths into another workspace, banned
// packages per layer), and no ambient I/O, clock or randomness inside the engine packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from './tools/boundaries/eslint-rule.cjs';
import table from './tools/boundaries/table.cjs';

const noDeepImports = {
  group: ['@architech/*/src/*', '@architech/*/dist/*', '../../*/src/*'],
  message: 'Import a package through its public entry (@architech/<name>), never a deep path.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', 'web/dist-test-hooks/**', '**/node_modules/**', 'coverage/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [noDeepImports] }],
    },
  },
  {
    // The import table of docs/architecture.md, defined once in tools/boundaries/table.cjs.
    files: table.WORKSPACES.map((w) => `${w.dir}/src/**/*.{ts,tsx}`),
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { architech: { rules: { boundaries: boundaries.rule } } },
    rules: { 'architech/boundaries': 'error' },
  },
  {
    // Pure packages: nothing of ours, no Node built-ins, no ambient clock, randomness, timers or console.
    files: ['packages/sim-engine/src/**/*.ts', 'packages/contracts/src/**/*.ts', 'packages/editor-core/src/**/*.ts', 'packages/iac-import/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'console', 'process', 'performance', 'window', 'document'].map((name) => ({
          name,
          message: 'Engine packages have no ambient I/O, timers or clock: pass them in.',
        })),
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng streams.' },
        { object: 'Date', property: 'now', message: 'Simulated time comes from the scheduler; a wall clock is passed in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'No wall-clock dates in the engine.' }],
    },
  },
  {
    // Generated protobuf code (proto/README.md) opens with its own `eslint-disable`; don't flag it as unused.
    files: ['packages/contracts/src/proto/**/*_pb.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    // The web app runs in the browser: browser globals and the hooks rules (its imports: the table).
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Reference tables in tests are quoted with all their published digits.
    files: ['**/*.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs', 'jest.config.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
