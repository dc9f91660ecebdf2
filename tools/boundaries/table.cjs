/**
 * The import boundaries of the repository, defined once. `eslint.config.mjs` turns this table into
 * the `architech/boundaries` rule (tools/boundaries/eslint-rule.cjs), `docs/architecture.md` shows
 * it (a test keeps the two equal: tools/test/boundaries.test.ts), and the same test lints a probe
 * file for every forbidden edge and expects each to fail.
 *
 * Each workspace lists the workspaces of ours its source may import (through their package name,
 * never a deep path, never a relative path into another workspace) and the third-party packages
 * it must not import. Tests are exempt: they may reach into other workspaces' test support.
 */

/** @typedef {{ name: string, dir: string, scope: string, type: string, mayImport: string[], banned?: string[], what: string }} Workspace */

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto'];
/** Bus messages are encoded and decoded only by the contracts' codecs. */
const PROTOBUF = '@bufbuild/protobuf';

/** @type {Workspace[]} */
const WORKSPACES = [
  { name: '@architech/contracts', dir: 'packages/contracts', scope: 'shared', type: 'format', mayImport: [], banned: NODE_BUILTINS, what: 'schemas (zod), DTO types, generated protobuf, error shapes: the formats, defined once' },
  { name: '@architech/sim-engine', dir: 'packages/sim-engine', scope: 'shared', type: 'engine', mayImport: ['@architech/contracts'], banned: [...NODE_BUILTINS, PROTOBUF], what: 'the discrete-event engine: pure, no I/O; its input and output types are the contracts\' formats' },
  { name: '@architech/editor-core', dir: 'packages/editor-core', scope: 'web', type: 'state', mayImport: ['@architech/contracts'], banned: [...NODE_BUILTINS, 'react', 'react-dom', 'konva', PROTOBUF], what: "the canvas editor's state, commands and history: no React, no Konva, no DOM" },
  { name: '@architech/iac-import', dir: 'packages/iac-import', scope: 'shared', type: 'import', mayImport: ['@architech/contracts', '@architech/editor-core'], banned: [...NODE_BUILTINS, 'react', 'react-dom', 'konva', PROTOBUF], what: 'infrastructure as code (compose, Kubernetes, Terraform, CloudFormation) into designs, chaos experiments into faults: pure, callers read the files' },
  { name: '@architech/cli', dir: 'packages/cli', scope: 'cli', type: 'app', mayImport: ['@architech/contracts', '@architech/sim-engine', '@architech/iac-import'], banned: [PROTOBUF], what: 'the `architech` command' },
  { name: '@architech/service-kit', dir: 'packages/service-kit', scope: 'server', type: 'lib', mayImport: ['@architech/contracts'], banned: ['react', 'react-dom', 'konva', PROTOBUF], what: 'what every service shares: config, auth, errors, health, telemetry, ports and adapters' },
  ...['users', 'projects', 'designs', 'gateway', 'telemetry'].map((name) => ({
    name: `@architech/${name}-service`,
    dir: `services/${name}`,
    scope: 'server',
    type: 'service',
    mayImport: name === 'designs' ? ['@architech/contracts', '@architech/service-kit', '@architech/iac-import'] : ['@architech/contracts', '@architech/service-kit'],
    banned: ['react', 'react-dom', 'konva', PROTOBUF],
    what: `the ${name} service (NestJS)`,
  })),
  { name: '@architech/simulations-service', dir: 'services/simulations', scope: 'server', type: 'service', mayImport: ['@architech/contracts', '@architech/service-kit', '@architech/sim-engine'], banned: ['react', 'react-dom', 'konva', PROTOBUF], what: 'the simulations service (NestJS) and its engine workers' },
  { name: '@architech/web', dir: 'web', scope: 'web', type: 'app', mayImport: ['@architech/contracts', '@architech/editor-core', '@architech/sim-engine', '@architech/iac-import'], banned: [...NODE_BUILTINS, PROTOBUF], what: 'the React + Konva app' },
  {
    name: '@architech/launcher',
    dir: 'infra/launcher',
    scope: 'server',
    type: 'app',
    mayImport: ['@architech/contracts', '@architech/service-kit', ...['users', 'projects', 'designs', 'gateway', 'simulations', 'telemetry'].map((n) => `@architech/${n}-service`)],
    banned: ['react', 'react-dom', 'konva', PROTOBUF],
    what: 'the embedded topology: every service in one process',
  },
];

/** The table as docs/architecture.md shows it (a test checks the document carries exactly this). */
function renderMarkdownTable() {
  const rows = WORKSPACES.map((w) => {
    const may = w.mayImport.length ? w.mayImport.map((n) => `\`${n}\``).join(', ') : 'nothing of ours';
    const banned = (w.banned ?? []).length ? (w.banned ?? []).map((b) => `\`${b}\``).join(', ') : '—';
    return `| \`${w.dir}\` | \`${w.name}\` | ${w.scope} / ${w.type} | ${w.what} | ${may} | ${banned} |`;
  });
  return ['| path | package | scope / type | what lives there | may import (of ours) | may not import |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

module.exports = { WORKSPACES, NODE_BUILTINS, renderMarkdownTable };
