/**
 * `architech/boundaries`: enforces tools/boundaries/table.cjs on every import, export-from and
 * dynamic `import()` of a workspace's source. Reports
 * - an `@architech/*` package the workspace may not import (a forbidden edge of the table),
 * - a deep path into a package (`@architech/x/src/...`, `@architech/x/dist/...`) that its
 *   package.json does not export,
 * - a relative path that leaves the workspace into another workspace,
 * - a third-party package the workspace bans (React in editor-core, Node built-ins in the pure packages).
 */
const path = require('node:path');
const { WORKSPACES, NODE_BUILTINS } = require('./table.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const byName = new Map(WORKSPACES.map((w) => [w.name, w]));
// Longest directory first, so a nested workspace wins over its parent.
const byDir = [...WORKSPACES].sort((a, b) => b.dir.length - a.dir.length);

/** The entries a workspace publishes (`exports` of its package.json): `@architech/x/telemetry` is public when listed. */
const publicEntries = new Map(
  WORKSPACES.map((w) => {
    const exports = require(path.join(ROOT, w.dir, 'package.json')).exports;
    return [w.name, new Set(exports && typeof exports === 'object' ? Object.keys(exports).map((k) => k.replace(/^\.\/?/, '')) : [])];
  }),
);

/** The workspace a repository-relative path belongs to, if any. */
function workspaceOf(relative) {
  const normal = relative.split(path.sep).join('/');
  return byDir.find((w) => normal === w.dir || normal.startsWith(`${w.dir}/`));
}

/** Whether `specifier` names `banned` (a package, `pkg/sub` of it, or a `prefix:*` scheme). */
function matchesBan(specifier, banned) {
  if (banned.endsWith(':*')) return specifier.startsWith(banned.slice(0, -1));
  return specifier === banned || specifier.startsWith(`${banned}/`);
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between the workspaces (docs/architecture.md, tools/boundaries/table.cjs).' },
    schema: [],
    messages: {
      forbidden: "{{from}} may not import {{to}}: it may import only {{allowed}} (docs/architecture.md, 'Layout and import rules').",
      deep: "Import {{to}} through its public entry ('{{to}}'), never a deep path ('{{specifier}}').",
      relative: "'{{specifier}}' reaches into {{to}} from {{from}}: import it as '{{to}}' (and only if the table allows it).",
      banned: '{{from}} may not import {{specifier}} ({{why}}).',
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const own = workspaceOf(path.relative(ROOT, filename));
    if (!own) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = workspaceOf(path.relative(ROOT, path.resolve(path.dirname(filename), specifier)));
        if (target && target !== own) context.report({ node, messageId: 'relative', data: { specifier, from: own.name, to: target.name } });
        return;
      }
      if (specifier.startsWith('@architech/')) {
        const [scope, name, ...rest] = specifier.split('/');
        const to = `${scope}/${name}`;
        if (rest.length > 0 && !publicEntries.get(to)?.has(rest.join('/'))) context.report({ node, messageId: 'deep', data: { specifier, to } });
        if (to !== own.name && byName.has(to) && !own.mayImport.includes(to)) {
          context.report({ node, messageId: 'forbidden', data: { from: own.name, to, allowed: own.mayImport.length ? own.mayImport.join(', ') : 'nothing of ours' } });
        }
        return;
      }
      const ban = (own.banned ?? []).find((b) => matchesBan(specifier, b));
      if (ban) context.report({ node, messageId: 'banned', data: { from: own.name, specifier, why: NODE_BUILTINS.includes(ban) ? 'this package does no I/O' : ban === '@bufbuild/protobuf' ? "bus messages are encoded and decoded by @architech/contracts' codecs" : 'not in this layer' } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

module.exports = { rule, workspaceOf };
