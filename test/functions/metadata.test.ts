// functions.json, its Japanese override, gec eval, the docs and the README table all come from the one catalog.
import * as fs from "fs";
import * as path from "path";
import {
  EXAMPLES,
  FUNCTIONS,
  functionTable,
  functionsMarkdown,
  functionsMetadata,
} from "../../functions/catalog";
import { customFunctions } from "../../functions/registry";
import { CellError } from "../../functions/core";

interface Param {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

const root = path.join(__dirname, "..", "..");
const en = functionsMetadata("en").functions as FunctionMeta[];
const ja = functionsMetadata("ja").functions as FunctionMeta[];

describe("functions.json from the catalog", () => {
  it("has ASCII ids equal to their names, each once", () => {
    for (const f of en) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
    expect(new Set(en.map((f) => f.id)).size).toBe(en.length);
  });

  it("has the same functions that gec eval calls, each taking its declared number of arguments", () => {
    expect([...customFunctions.keys()]).toEqual(en.map((f) => f.id));
    for (const f of en) expect(customFunctions.get(f.id)?.length).toBe(f.parameters.length);
  });

  it("describes every function and parameter in English, and in Japanese in functions-ja.json", () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const f of en) {
      expect(f.description).toMatch(/[A-Za-z]{3}/);
      for (const p of f.parameters) expect(p.description).toMatch(/[A-Za-z]/);
    }
    for (const f of ja) {
      expect(f.description).toMatch(japanese);
      for (const p of f.parameters) expect(p.description).toMatch(japanese);
    }
    // ids, names and parameter names stay as they are in every locale
    expect(ja.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      en.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    );
  });

  it("takes ranges and spills: every parameter and result is a matrix of any", () => {
    for (const f of en) {
      expect(f.result.dimensionality).toBe("matrix");
      for (const p of f.parameters) expect([p.dimensionality, p.type]).toEqual(["matrix", "any"]);
    }
  });

  it("lists optional parameters last (Excel requires it)", () => {
    for (const f of en) {
      const first = f.parameters.findIndex((p) => p.optional);
      if (first >= 0) expect(f.parameters.slice(first).every((p) => p.optional)).toBe(true);
    }
  });
});

describe("the README and docs/functions.md are the catalog's", () => {
  it("the README function table is exactly the generated one (npm run docs rewrites it)", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(functionTable());
  });

  it("docs/functions.md is up to date", () => {
    expect(fs.readFileSync(path.join(root, "docs", "functions.md"), "utf8")).toBe(functionsMarkdown());
  });

  it("every function has an example, and each example gives the figure it shows (to the digits shown)", () => {
    const covered = new Set(Object.entries(EXAMPLES).flatMap(([id, e]) => [id, e.with ?? id]));
    expect(FUNCTIONS.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
    for (const [id, e] of Object.entries(EXAMPLES)) {
      const fn = customFunctions.get(e.call ?? id);
      const cell = (fn?.(...e.args.map((a) => [[a]])) as unknown[][])[0][0];
      const figure = /^[\d,]+(\.\d+)?/.exec(e.result);
      if (e.result.startsWith("#N/A")) {
        expect(cell).toBeInstanceOf(CellError);
        expect((cell as CellError).error).toBe("#N/A");
      } else if (figure) {
        const decimals = figure[1] ? figure[1].length - 1 : 0;
        expect((cell as number).toFixed(decimals)).toBe(figure[0].replace(/,/g, ""));
      } else {
        expect(cell).toBe(e.result);
      }
    }
  });
});
