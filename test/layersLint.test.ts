// ESLint's no-restricted-imports (eslint.config.mjs, from scripts/layers.json) refuses a wrong-way import into src/.
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

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
      { file: "src/fill/layerProbe.ts", code: imports("../checks/rules/monitoring") },
      // an adapter, a Node module, the UI
      { file: "src/report/layerProbe.ts", code: imports("../../io/read") },
      { file: "src/forms/layerProbe.ts", code: imports("fs") },
      { file: "src/numbers/layerProbe.ts", code: imports("node:path") },
      { file: "src/explain/layerProbe.ts", code: imports("react") },
      // down: allowed
      { file: "src/checks/layerProbe.ts", code: imports("../domain/rows") },
      { file: "src/engine.ts", code: imports("./checks/rules/monitoring") },
    ]);
    expect(results.map((messages) => messages.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(results[0][0]).toMatch(/formula may not import methodology: it is above it/);
    expect(results[4][0]).toMatch(/fill may not import checks: it is beside it/);
    expect(results[5][0]).toMatch(/adapter folder/);
    expect(results[6][0]).toMatch(/Node modules belong to the adapters/);
    expect(results[8][0]).toMatch(/no React/);
  }, 60_000);
});
