#!/usr/bin/env node
// The `gec` command: the bundled CLI from its code cache (bin/launch.js; `npm ci` builds it through prepare).
"use strict";
const { loadBundle, tuneV8 } = require("./launch");

tuneV8();
let main;
try {
  ({ main } = loadBundle().exports);
} catch (e) {
  process.stderr.write(
    "gec: ビルドされていません。`npm ci` または `npm run build:node` を実行してください。\n" +
      "gec: not built. Run `npm ci` or `npm run build:node` first.\n" +
      String(e && e.message) +
      "\n",
  );
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`gec: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
