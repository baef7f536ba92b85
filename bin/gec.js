#!/usr/bin/env node
// Launcher for the compiled `gec` command (dist/ is built by `npm ci` through the prepare script).
"use strict";
let main;
try {
  ({ main } = require("../dist/cli/main.js"));
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
