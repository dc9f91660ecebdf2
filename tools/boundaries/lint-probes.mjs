// Lints probe sources at given paths with the repository's ESLint configuration and prints, per
// probe, the messages of the `architech/boundaries` rule. Used by tools/test/boundaries.test.ts
// (ESLint loads its flat config with dynamic import(), which jest's module sandbox cannot run).
// stdin: [{ filePath, code }]; stdout: [{ filePath, code, messages: string[] }].
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const probe of JSON.parse(input)) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath });
  out.push({ ...probe, messages: result.messages.filter((m) => m.ruleId === 'architech/boundaries').map((m) => m.message) });
}
process.stdout.write(JSON.stringify(out));
