/** @nestjs/core loaded by Node's own require (see native-esm.js). */
module.exports = require('./native-esm')('@nestjs/core');
