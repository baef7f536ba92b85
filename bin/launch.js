// Loads the one-file CLI (dist/gec/cli.js, made by scripts/build-cli.js) from its V8 code cache, so a start compiles
// nothing that was compiled at build time. bin/gec.js runs it; the build, the benches and the tests load it here.
"use strict";
const fs = require("fs");
const path = require("path");

const BUNDLE = path.join(__dirname, "..", "dist", "gec", "cli.js");
const CACHE = path.join(__dirname, "..", "dist", "gec", "cli.cache");
/** The bundle's first line, "// gec-build <32 hex digits>": which build a code cache was made for. */
const BUILD_LINE = /^\/\/ gec-build ([0-9a-f]{32})\n/;
const cacheHeader = (id) => `gec-code-cache ${id}\n`;

/**
 * A short run (a small workbook) ends before optimised code pays for itself: V8 starts optimising only after 8× its
 * default amount of interpreted work, which saves 20–30 % of a small `gec check` and nothing measurable at 10,000
 * rows (bench/startup.js). Called before the bundle is compiled; the code cache is made under the same flag (V8
 * refuses a cache made under other flags). V8 11–13 (Node 20–24) know the flag.
 */
function tuneV8() {
  if (/^1[1-3]\./.test(process.versions.v8)) require("v8").setFlagsFromString("--interrupt-budget=540672");
}

/**
 * The bundle's exports ({ main, nodeIo }), run as a CommonJS module. With `cache`, V8 takes the compiled code from
 * dist/gec/cli.cache when the cache names this build; V8 itself refuses one made by another Node or under other
 * flags, and the bundle is then compiled from its source as usual (`cached` is false).
 */
function loadBundle({ cache = true } = {}) {
  // the bundle is ASCII (scripts/build-cli.js): latin1 gives V8 a one-byte string without decoding UTF-8
  const source = fs.readFileSync(BUNDLE, "latin1");
  let cachedData;
  const build = BUILD_LINE.exec(source);
  if (cache && build) {
    try {
      const data = fs.readFileSync(CACHE);
      const header = cacheHeader(build[1]);
      if (data.toString("latin1", 0, header.length) === header) cachedData = data.subarray(header.length);
    } catch {
      // no cache: compiled from source
    }
  }
  const vm = require("vm");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module_ = { exports: {} };
  // this file's own require: the bundle asks only for Node's modules and exceljs, which resolve the same from bin/
  // as from dist/gec/, and Node's "module" (createRequire) would load 3 more modules at every start
  script.runInThisContext()(module_.exports, require, module_, BUNDLE, path.dirname(BUNDLE));
  return {
    exports: module_.exports,
    script,
    cached: cachedData !== undefined && !script.cachedDataRejected,
  };
}

module.exports = { BUNDLE, CACHE, cacheHeader, loadBundle, tuneV8 };
