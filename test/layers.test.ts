// src/ is layered as scripts/layers.json declares: no import points up or sideways, no cycle between its folders or
// its files, no I/O or UI package; and ESLint's no-restricted-imports (eslint.config.mjs) refuses a wrong-way import.
import { execFileSync } from "child_process";
import * as path from "path";
import layersFile from "../scripts/layers.json";
import { importCycles, importGraph, unitOf, wrongWayEdges } from "./fixtures/importGraph";
import type { ImportEdge, LayersFile } from "./fixtures/importGraph";

const ROOT = path.join(__dirname, "..");
const declared: LayersFile = layersFile;
const { layers } = declared;
const edges = importGraph(path.join(ROOT, "src"));

describe("the import graph of src/", () => {
  it("places every file of src/ in a layer", () => {
    const files = [...new Set(edges.map((e) => e.from))];
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => unitOf(f, layers) === null)).toEqual([]);
  });

  it("has no import that points up a layer or across to another unit of its layer", () => {
    expect(wrongWayEdges(edges, layers)).toEqual([]);
  });

  it("has no cycle between its folders, nor between its files", () => {
    expect(importCycles(edges, layers)).toEqual({ files: [], units: [] });
  });

  it("imports no package at all: no Node module, UI, Office.js or .xlsx library, and no adapter folder", () => {
    const external = edges.filter((e) => !e.specifier.startsWith("."));
    expect(external.map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
    const outside = edges.filter((e) => e.specifier.startsWith(".") && e.to === null);
    expect(outside.map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
  });

  it("the checks find what they look for: a wrong-way edge, a cycle of files and a cycle of folders", () => {
    const planted: ImportEdge[] = [
      { from: "formula/expr.ts", specifier: "../methodology", to: "methodology/index.ts" },
      { from: "methodology/index.ts", specifier: "../formula", to: "formula/index.ts" },
      { from: "formula/index.ts", specifier: "./expr", to: "formula/expr.ts" },
      { from: "checks/a.ts", specifier: "../fill/b", to: "fill/b.ts" },
    ];
    expect(wrongWayEdges(planted, layers)).toEqual([
      "formula/expr.ts → methodology/index.ts (formula → methodology: above)",
      "checks/a.ts → fill/b.ts (checks → fill: beside)",
    ]);
    expect(importCycles(planted, layers)).toEqual({
      files: [["formula/expr.ts", "formula/index.ts", "methodology/index.ts"]],
      units: [["formula", "methodology"]],
    });
  });
});

describe("ESLint's layer rule", () => {
  // ESLint loads its flat config by import(), which jest's module sandbox does not allow: its Node API runs in a
  // child process. Each case is linted as the text of a file at that place in src/ (lintText with a filePath), so
  // that no file is written into src/ while other suites read it.
  const lint = (cases: { file: string; code: string }[]): string[][] => {
    const script = `
      const { ESLint } = require("eslint");
      const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
      (async () => {
        const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
        const out = [];
        for (const c of cases) {
          const [result] = await eslint.lintText(c.code, { filePath: require("path").join(${JSON.stringify(ROOT)}, c.file) });
          out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
        }
        process.stdout.write(JSON.stringify(out));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const output = execFileSync(process.execPath, ["-e", script], {
      cwd: ROOT,
      input: JSON.stringify(cases),
      encoding: "utf8",
    });
    return JSON.parse(output) as string[][];
  };

  it("refuses an import up or across the layers, of an adapter, of Node or the UI; allows one down", () => {
    const imports = (specifier: string) => `import * as m from "${specifier}";\nexport const used = m;\n`;
    const results = lint([
      // a lower layer importing a higher one
      { file: "src/formula/layerProbe.ts", code: imports("../methodology") },
      { file: "src/domain/layerProbe.ts", code: imports("../checks/registry") },
      { file: "src/types.ts", code: imports("./formula/expr") },
      {
        file: "src/methodology/layerProbe.ts",
        code: 'import type { Submission } from "../forms/submission";\nexport type S = Submission;\n',
      },
      // beside: another unit of the same layer
      { file: "src/fill/layerProbe.ts", code: imports("../checks/monitoring") },
      // an adapter, a Node module, the UI
      { file: "src/report/layerProbe.ts", code: imports("../../io/read") },
      { file: "src/forms/layerProbe.ts", code: imports("fs") },
      { file: "src/numbers/layerProbe.ts", code: imports("node:path") },
      { file: "src/explain/layerProbe.ts", code: imports("react") },
      // down: allowed
      { file: "src/checks/layerProbe.ts", code: imports("../domain/rows") },
      { file: "src/engine.ts", code: imports("./checks/monitoring") },
    ]);
    expect(results.map((messages) => messages.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(results[0][0]).toMatch(/formula may not import methodology: it is above it/);
    expect(results[4][0]).toMatch(/fill may not import checks: it is beside it/);
    expect(results[5][0]).toMatch(/adapter folder/);
    expect(results[6][0]).toMatch(/Node modules belong to the adapters/);
    expect(results[8][0]).toMatch(/no React/);
  }, 60_000);
});
