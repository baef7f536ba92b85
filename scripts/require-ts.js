// Lets the build scripts require the project's TypeScript (the rule registry) without ts-node: transpile only.
"use strict";
const fs = require("fs");
const ts = require("typescript");

let installed = false;

/** Registers a require hook for .ts files (isolatedModules holds for this project, so per-file transpiling is exact). */
function installTsRequire() {
  if (installed) return;
  installed = true;
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
    });
    module._compile(outputText, filename);
  };
}

module.exports = { installTsRequire };
