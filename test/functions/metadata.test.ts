// functions.json as the build generates it from JSDoc, and its Japanese counterpart.
import * as path from "path";
import * as fs from "fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { customFunctions } from "../../functions/registry";

const { localizeMetadata } = require("../../scripts/localize-metadata") as {
  localizeMetadata: (m: Metadata, ja: unknown) => Metadata;
};

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { dimensionality?: string };
}
interface Metadata {
  functions: FunctionMeta[];
}

const root = path.join(__dirname, "..", "..");
const files = ["functions/steam.ts", "functions/methodology.ts"].map((f) => path.join(root, f));
const ja = JSON.parse(fs.readFileSync(path.join(root, "functions/descriptions.ja.json"), "utf8")) as Record<
  string,
  { description: string; parameters: Record<string, string> }
>;

const required = [
  "STEAM_H",
  "STEAM_S",
  "STEAM_V",
  "STEAM_CP",
  "STEAM_TSAT",
  "STEAM_PSAT",
  "STEAM_HF",
  "STEAM_HG",
  "STEAM_HF_P",
  "STEAM_HG_P",
  "STEAM_T_PH",
  "Q_WB",
  "S_B",
  "EF_WB",
  "EM_WB",
  "EM_T",
  "CEF_FUEL",
  "EPS_BL",
  "EPC",
  "EM_P",
  "CEF_ELEC",
  "P_ABS",
  "Q_STEAM",
  "METHODOLOGY",
];

let metadata: Metadata;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(files, true);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
}, 60000);

describe("generated functions.json", () => {
  it("lists every function of the add-in, with ASCII ids equal to their names", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual([...required].sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it("has the same functions that gec eval calls", () => {
    expect([...customFunctions.keys()].sort()).toEqual([...required].sort());
  });

  it("describes every function and parameter in English", () => {
    for (const f of metadata.functions) {
      expect(f.description ?? "").toMatch(/[A-Za-z]{3}/);
      for (const p of f.parameters) expect(p.description ?? "").toMatch(/[A-Za-z]/);
    }
  });

  it("takes ranges and spills: every parameter and result is a matrix", () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe("matrix");
      for (const p of f.parameters) expect(p.dimensionality).toBe("matrix");
    }
  });

  it("has a Japanese description for every function and parameter (functions-ja.json)", () => {
    const localized = localizeMetadata(metadata, ja);
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const f of localized.functions) {
      expect(f.description).toMatch(japanese);
      for (const p of f.parameters) expect(p.description).toMatch(japanese);
    }
    // ids and parameter names stay as they are
    expect(localized.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
  });

  it("refuses to build a half-translated list", () => {
    const partial = { ...ja };
    delete partial.STEAM_H;
    expect(() => localizeMetadata(metadata, partial)).toThrow(/STEAM_H/);
  });
});
