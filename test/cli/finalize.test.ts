// gec finalize: a copy in which every GEC. formula is its value, listed; nothing else in the package changes.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { runGec, tempDir } from "../fixtures/runGec";
import { planFinalize, validateGrid } from "../../src/engine";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { gecCalls } from "../../src/formula/gecCalls";
import type { Grid } from "../../src/types";

const dir = tempDir("finalize");

/** A workbook as a staff member leaves it: GEC. formulas with the values Excel computed, a SUM, a chart-free sheet. */
async function workbookWithGecFormulas(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("熱実績管理表");
  ws.getCell("A1").value = 3;
  ws.getCell("B1").value = 26.85;
  // IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg, as Excel with the add-in cached it
  ws.getCell("C1").value = { formula: "GEC.STEAM_H(A1,B1)", result: 115.331273 };
  ws.getCell("C2").value = { formula: "ROUND(gec.q_wb(257572286,7538025),0)", result: 186081657 };
  ws.getCell("C3").value = { formula: "SUM(A1:B1)", result: 29.85 };
  // saved where the add-in was missing: no value to keep
  ws.getCell("C4").value = {
    formula: "GEC.STEAM_HF(104.3)",
    result: { error: "#NAME?" },
  } as ExcelJS.CellValue;
  ws.getCell("D1").value = "GEC.STEAM_H is text here, not a formula";
  const file = path.join(dir, "gec-formulas.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("planFinalize", () => {
  it("replaces GEC. formulas (any case, inside other functions) by their cached values, and only those", () => {
    const grid: Grid = {
      sheets: [
        {
          name: "S",
          origin: { row: 0, col: 0 },
          values: [[115.331273, 186081657, 29.85, "#NAME?"]],
          formulas: [["=GEC.STEAM_H(A1,B1)", "=ROUND(gec.q_wb(1,2),0)", "=SUM(A1:B1)", "=GEC.STEAM_HF(1)"]],
        },
      ],
    };
    const plan = planFinalize(grid);
    expect(plan.writes.map((w) => [w.ref.col, w.value, w.formula, w.previousFormula])).toEqual([
      [0, 115.331273, undefined, "=GEC.STEAM_H(A1,B1)"],
      [1, 186081657, undefined, "=ROUND(gec.q_wb(1,2),0)"],
    ]);
    expect(plan.skipped.map((s) => [s.ref.col, s.rule])).toEqual([[3, "finalize.noValue"]]);
  });
});

describe("gec finalize", () => {
  it("writes the copy, lists what it replaced, exits 1 for the formula that has no value", async () => {
    const input = await workbookWithGecFormulas();
    const out = path.join(dir, "final.xlsx");
    const run = await runGec(["finalize", input, "-o", out, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      replaced: { cell: string; value: number }[];
      skipped: unknown[];
    };
    expect(result.replaced).toEqual([
      { cell: "熱実績管理表!C1", formula: "=GEC.STEAM_H(A1,B1)", value: 115.331273 },
      { cell: "熱実績管理表!C2", formula: "=ROUND(gec.q_wb(257572286,7538025),0)", value: 186081657 },
    ]);
    expect(result.skipped).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("熱実績管理表") as ExcelJS.Worksheet;
    expect([ws.getCell("C1").value, ws.getCell("C2").value]).toEqual([115.331273, 186081657]);
    expect((ws.getCell("C3").value as { formula: string }).formula).toBe("SUM(A1:B1)");
    // and gec check no longer sees a GEC. formula where one was replaced
    const before = unzipSync(new Uint8Array(fs.readFileSync(input)));
    const after = unzipSync(new Uint8Array(fs.readFileSync(out)));
    for (const name of Object.keys(before).filter(
      (n) => !n.startsWith("xl/worksheets/") && n !== "xl/calcChain.xml",
    ))
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(before[name]))]).toEqual([name, true]);
  });

  it("refuses to write over its input", async () => {
    const input = await workbookWithGecFormulas();
    const run = await runGec(["finalize", input, "-o", input]);
    expect(run.code).toBe(2);
  });
});

describe("only real GEC calls are replaced, whatever form the file stores them in (issue 16)", () => {
  it("gecCalls reads the formula token by token", () => {
    expect(gecCalls('="GEC.STEAM_H"')).toEqual([]);
    expect(gecCalls('=CONCAT("a""GEC.STEAM_H(",B1)')).toEqual([]);
    expect(gecCalls("='GEC.data'!A1*2")).toEqual([]);
    expect(gecCalls("='it''s GEC.x('!A1")).toEqual([]);
    expect(gecCalls("=GEC.data")).toEqual([]); // a defined name, not a call
    expect(gecCalls("=SUM(Table1[GEC.x(1)])")).toEqual([]);
    expect(gecCalls('=IF(A1="GEC.x(",GEC.STEAM_H(A1,B1),0)')).toEqual(["GEC.STEAM_H"]);
    expect(gecCalls("=ROUND(gec.q_wb(1,2),0)+XGEC.F(1)")).toEqual(["gec.q_wb"]);
    expect(gecCalls("=_xldudf_GEC_STEAM_H(A1,B1)")).toEqual(["_xldudf_GEC_STEAM_H"]);
    expect(gecCalls("=_xludf.GEC.STEAM_HF(1)")).toEqual(["_xludf.GEC.STEAM_HF"]);
  });

  it("planFinalize: a text or a sheet name that says GEC. stays a formula; _xldudf_GEC_ calls are replaced or listed", () => {
    const grid: Grid = {
      sheets: [
        {
          name: "S",
          origin: { row: 0, col: 0 },
          values: [["GEC.STEAM_H", 7, 115.331273, "#NAME?", 8]],
          formulas: [
            [
              '="GEC.STEAM_H"',
              "='GEC.data'!A1",
              "=_xldudf_GEC_STEAM_H(A1,B1)",
              "=_xldudf_GEC_STEAM_HF(104.3)",
              '=IF(A1="GEC.x(",GEC.STEAM_H(A1,B1),0)',
            ],
          ],
        },
      ],
    };
    const plan = planFinalize(grid);
    expect(plan.writes.map((w) => [w.ref.col, w.value, w.previousFormula])).toEqual([
      [2, 115.331273, "=_xldudf_GEC_STEAM_H(A1,B1)"],
      [4, 8, '=IF(A1="GEC.x(",GEC.STEAM_H(A1,B1),0)'],
    ]);
    expect(plan.skipped.map((s) => [s.ref.col, s.rule])).toEqual([[3, "finalize.noValue"]]);
  });

  it("gec finalize on a file: lists the _xldudf_GEC_ call and keeps the other formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("GEC.data");
    data.getCell("A1").value = 7;
    const ws = wb.addWorksheet("集計");
    ws.getCell("A1").value = 3;
    ws.getCell("B1").value = 26.85;
    ws.getCell("C1").value = { formula: '"GEC.STEAM_H"', result: "GEC.STEAM_H" };
    ws.getCell("C2").value = { formula: "'GEC.data'!A1", result: 7 };
    // IF97 Table 5: h(3 MPa, 300 K) = 115.331273 kJ/kg, stored as an Excel without the add-in writes the call
    ws.getCell("C3").value = { formula: "_xldudf_GEC_STEAM_H(A1,B1)", result: 115.331273 };
    const input = path.join(dir, "tokens.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "tokens-final.xlsx");
    const run = await runGec(["finalize", input, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { replaced: unknown[] };
    expect(result.replaced).toEqual([
      { cell: "集計!C3", formula: "=_xldudf_GEC_STEAM_H(A1,B1)", value: 115.331273 },
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.getWorksheet("集計") as ExcelJS.Worksheet;
    expect((sheet.getCell("C1").value as { formula: string }).formula).toBe('"GEC.STEAM_H"');
    expect((sheet.getCell("C2").value as { formula: string }).formula).toBe("'GEC.data'!A1");
    expect(sheet.getCell("C3").value).toBe(115.331273);
  });
});

describe("hygiene.gecFormula reads formulas the same way", () => {
  it.each([
    ["=_xldudf_GEC_STEAM_H(3,26.85)", 115.331273, ["hygiene.gecFormula"]],
    ['="GEC.STEAM_H"', "GEC.STEAM_H", []],
    ["='GEC.data'!A1", 7, []],
  ] as const)("%s", (formula, value, rules) => {
    const grid = withCell(seedGrid("H002-2", { corrected: true }), "別紙2", "E1", value, formula);
    const found = validateGrid(grid).findings.filter((f) => f.ref.sheet === "別紙2" && f.ref.col === 4);
    expect(found.map((f) => f.rule)).toEqual(rules);
  });
});

describe("gec finalize with nothing to replace", () => {
  // the published H002-2 as a workbook: values only, not one GEC. formula (its planFinalize is empty)
  const input = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");

  it("says so, writes nothing and exits 0", async () => {
    const out = path.join(dir, "nothing.xlsx");
    const run = await runGec(["finalize", input, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("GEC. 関数の数式はありません");
    expect(run.stdout).toContain("--force");
    expect(fs.existsSync(out)).toBe(false);
    const en = await runGec(["finalize", input, "-o", out, "--lang", "en"]);
    expect(en.stdout).toContain("was not written");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--json: written false, nothing replaced, no file", async () => {
    const out = path.join(dir, "nothing.json.xlsx");
    const run = await runGec(["finalize", input, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ output: null, written: false, replaced: [], skipped: [] });
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--force writes the copy, byte for byte the input", async () => {
    const out = path.join(dir, "nothing-forced.xlsx");
    const run = await runGec(["finalize", input, "-o", out, "--force", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ output: out, written: true, replaced: [] });
    expect(Buffer.from(fs.readFileSync(out)).equals(Buffer.from(fs.readFileSync(input)))).toBe(true);
  });
});
