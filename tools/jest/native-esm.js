/**
 * Jest's module runtime cannot `require` an ES module before Node 24.9, and NestJS 12 ships only
 * ES modules. Node 20.19+ itself can (`require(esm)`), so jest.config.js maps each such package to
 * a file next to this one that loads it through Node's own loader (jest wraps `require`,
 * `createRequire` and `process.getBuiltinModule`, but not `Module._load` given an absolute path).
 * Unit specs then instantiate service classes whose files carry Nest decorators; nothing of Nest
 * runs (no module, no injector): the decorators only record metadata.
 */
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '..', '..');

/** The package `name` (its `.` entry is ./index.js, as every @nestjs package has) loaded by Node. */
module.exports = (name) => Module._load(path.join(ROOT, 'node_modules', name, 'index.js'), null, false);
