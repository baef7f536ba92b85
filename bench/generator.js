// test/fixtures/generated.ts (the only 別紙1 generator) for the benches: transpiled, its src imports pointed at dist/src.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");

function loadGenerator() {
  const ts = require("typescript");
  const source = fs.readFileSync(path.join(ROOT, "test", "fixtures", "generated.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
    fileName: "generated.ts",
  });
  const js = outputText.replace(
    /require\("\.\.\/\.\.\/src\/([^"]+)"\)/g,
    (_, p) => `require(${JSON.stringify(path.join(DIST, "src", p))})`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-bench-"));
  const file = path.join(dir, "generated.js");
  fs.writeFileSync(file, js);
  try {
    return require(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { loadGenerator };
