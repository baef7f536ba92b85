// `npm run bench`: runs every benchmark of bench/ in one process and prints their figures (no thresholds).
"use strict";
const fs = require("fs");
const path = require("path");

async function main() {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".js") && f !== "run.js" && !f.startsWith("naive"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  for (const file of files) {
    const bench = require(path.join(__dirname, file));
    if (typeof bench.run !== "function") continue;
    process.stdout.write(`\n## ${file}\n`);
    await bench.run({ print: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
