// gec finalize: a copy in which every GEC. formula is its value, listed; nothing else in the package changes.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { runGec, tempDir } from "../fixtures/runGec";
import { planFinalize } from "../../src/engine";
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
