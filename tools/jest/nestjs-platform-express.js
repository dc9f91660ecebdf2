/** @nestjs/platform-express loaded by Node's own require (see native-esm.js). */
module.exports = require('./native-esm')('@nestjs/platform-express');
