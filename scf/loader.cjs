'use strict';
// dist/scf/index.js, the SCF event-function entry (handler index.main_handler), copied there by scripts/build.mjs.
// It runs bundle.js (scf/index.ts, minified) compiled with the V8 code cache the build made beside it
// (bundle.js.cache), so a cold instance skips most of parsing and compiling the bundle. V8 takes the cache only
// from the same Node version under the same flags (serverless.yml's NODE_OPTIONS); otherwise it compiles the
// bundle as require would, and the cache has cost one file read.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, 'bundle.js');
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  // built without one: compile as usual
}
// The wrapper require gives a CommonJS module; the bundle's own lines keep their numbers in stack traces.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, 'utf8')}\n})`, { filename: file, lineOffset: -1, cachedData });
script.runInThisContext()(exports, require, module, file, __dirname);
// The build (to make the cache) and the benchmark (to see whether V8 took it) get the compiled script here.
globalThis[Symbol.for('mina-auth.scf-script')]?.(script);
