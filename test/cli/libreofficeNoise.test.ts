// Binary noise of a spreadsheet's own arithmetic (docs/numbers.md), end to end through LibreOffice: a ROUNDDOWN whose
// exact argument lies a hair below a whole number, a gauge mean an AVERAGE left at 0.8780000000000001, and a
// monitored workbook merely re-saved by LibreOffice, which keeps 15 significant digits of every number.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { seedRows } from "../fixtures/seedSubmissions";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";
import { withCell } from "../fixtures/seedSubmissions";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";
import {
  cellResults,
  describeLo,
  recalculate as recalculateIn,
  typeAllocation,
} from "../fixtures/libreoffice";

const dir = tempDir("lo-noise");
const recalculate = (file: string) => recalculateIn(file, dir);

interface Checked {
  summary: { errors: number };
  findings: { rule: string; severity: string; ref: { sheet: string; row: number; col: number } }[];
}

/** The seed's three H002-2 rows typed into a fresh template, with `edit` applied to the third (row 6). */
async function typedTemplate(name: string, edit: Record<string, number>): Promise<string> {
  const template = path.join(dir, `${name}-template.xlsx`);
  expect((await runGec(["template", "H002-2", "-n", "3", "-o", template])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(fs.readFileSync(template)).buffer);
  const list = wb.getWorksheet("別紙1") as ExcelJS.Worksheet;
  seedRows("H002-2", true).forEach((seed, i) => {
    const row: Record<string, unknown> = i === 2 ? { ...seed, ...edit } : seed;
    HEAT_PROJECT_COLUMNS.forEach((column, c) => {
      const cell = list.getCell(4 + i, c + 1);
      const isFormula = cell.value !== null && typeof cell.value === "object" && "formula" in cell.value;
      if (!isFormula && column.key !== "no" && row[column.key] !== undefined)
        cell.value = row[column.key] as ExcelJS.CellValue;
    });
  });
  const plan = wb.getWorksheet("様式3-2") as ExcelJS.Worksheet;
  plan.eachRow((r) => {
    const label = r.getCell(1).value;
    if (label === "開始日") r.getCell(2).value = new Date(Date.UTC(2020, 3, 1));
    if (label === "終了日") r.getCell(2).value = new Date(Date.UTC(2021, 2, 31));
  });
  typeAllocation(wb);
  const typed = path.join(dir, `${name}-typed.xlsx`);
  fs.writeFileSync(typed, new Uint8Array(await wb.xlsx.writeBuffer()));
  return typed;
}

describeLo("a spreadsheet's own binary noise, through LibreOffice", () => {
  it("(b) a ROUNDDOWN whose exact argument is a hair below a whole number is written as its value", async () => {
    // Row 6 (セイホク) with 3.1 = 173,801,939 MJ, all else as published:
    //   3.3 N6 = 173,801,939 − ROUNDDOWN(3,751,134 × 9.484, 0) = 173,801,939 − 35,575,754 = 138,226,185
    //   3.8 S6 = ROUNDDOWN(418,605,672 ÷ 418,747,572, 4) = ROUNDDOWN(0.99966…, 4) = 0.9996
    //   3.9 T6 = ROUNDDOWN(0.0693 ÷ 0.92512, 4) = ROUNDDOWN(0.07490…, 4) = 0.0749
    //   3.10 U6 = ROUNDDOWN(138,226,185 × 0.9996 × 0.0749, 0) = ROUNDDOWN(10,348,999.9999974, 0) = 10,348,999 kg
    //   3.11 V6 = ROUNDDOWN(10,348,999 ÷ 1000, 0) = 10,348 t; 合計 V7 = 32,316 + 13,687 + 10,348 = 56,351 t
    // 2.6 × 10^-6 below 10,349,000 is 2.5 × 10^-13 of it: LibreOffice's ROUNDDOWN snaps that double up to 10,349,000.
    expect(BigInt(138226185) * BigInt(9996) * BigInt(749)).toBe(BigInt("1034899999999740"));
    const typed = await typedTemplate("b", { qBl: 173801939, totalHeat: 173801939 });
    const filled = path.join(dir, "b-filled.xlsx");
    const fill = await runGec(["fill", typed, "-o", filled, "--formulas", "--json"]);
    expect(fill.code).toBe(0);
    const plan = JSON.parse(fill.stdout) as {
      skipped: { rule: string; ref: { row: number; col: number } }[];
    };
    const uCol = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "emKg");
    expect(
      plan.skipped.filter((s) => s.rule === "fill.formula.noise").map((s) => [s.ref.row, s.ref.col]),
    ).toEqual([[5, uCol]]);
    const recalculated = recalculate(filled);
    expect(await cellResults(recalculated, "別紙1", ["N6", "S6", "T6", "U6"])).toEqual([
      138226185, 0.9996, 0.0749, 10348999,
    ]);
    expect(await cellResults(recalculated, "別紙1", ["V6", "V7"])).toEqual([10348, 56351]);
    expect(await cellResults(recalculated, "別紙2", ["C36"])).toEqual([10348]);
    const check = JSON.parse((await runGec(["check", recalculated, "--json"])).stdout) as Checked;
    // the template leaves 1.1 and 2.1 to the applicant (form.planPart.missing)
    expect(
      check.findings.filter((f) => f.severity === "error" && f.rule !== "form.planPart.missing"),
    ).toEqual([]);
  }, 240_000);

  it("(a) a gauge mean of 0.8780000000000001 fills and recalculates to p_abs 0.98, as the spreadsheet shows it", async () => {
    // ROUNDUP(ROUNDUP(0.878, 3) + 0.101325, 2) = ROUNDUP(0.979325, 2) = 0.98; the double's own digits would give
    // ROUNDUP(0.8780000000000001, 3) = 0.879 and 0.99
    const { grid, places } = monitoredGrid({ inputsOnly: true });
    const place = places[0];
    const gauge = cellOf(place, "pGauge", 0);
    const abs = cellOf(place, "pAbs", 0);
    const input = path.join(dir, "a.xlsx");
    fs.writeFileSync(input, await gridToXlsx(withCell(grid, place.sheet, gauge, 0.8780000000000001)));
    const filled = path.join(dir, "a-filled.xlsx");
    expect((await runGec(["fill", input, "-o", filled, "--formulas"])).code).toBe(0);
    const recalculated = recalculate(filled);
    expect(await cellResults(recalculated, place.sheet, [abs])).toEqual([0.98]);
    const check = JSON.parse((await runGec(["check", recalculated, "--json"])).stdout) as Checked;
    expect(check.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([]);
  }, 240_000);

  it("a gauge a hair above 0.878 at 15 digits gets p_abs as a value: a spreadsheet's ROUNDUP may snap it down", async () => {
    // 0.878 + 10^-15 is the double 0.8780000000000011, read as 0.878000000000001 (15 digits, so the tail is kept):
    // ROUNDUP(0.878000000000001, 3) = 0.879 exactly and ROUNDUP(0.879 + 0.101325, 2) = ROUNDUP(0.980325, 2) = 0.99.
    // 10^-15 above 0.878 is within a double's noise of the boundary: LibreOffice 7.4's =ROUNDUP(A1, 3) of that cell
    // alone gives 0.878 (measured), inside this formula 0.879. Which way a spreadsheet goes is not ours to guess: the
    // cell is written as its value, with the reason in the plan.
    const noisy = 0.878 + 1e-15;
    expect(noisy.toPrecision(15)).toBe("0.878000000000001");
    const { grid, places } = monitoredGrid({ inputsOnly: true });
    const place = places[0];
    const gauge = cellOf(place, "pGauge", 0);
    const abs = cellOf(place, "pAbs", 0);
    const input = path.join(dir, "a15.xlsx");
    fs.writeFileSync(input, await gridToXlsx(withCell(grid, place.sheet, gauge, noisy)));
    const filled = path.join(dir, "a15-filled.xlsx");
    const fill = await runGec(["fill", input, "-o", filled, "--formulas", "--json"]);
    expect(fill.code).toBe(0);
    const plan = JSON.parse(fill.stdout) as {
      skipped: { rule: string; ref: { sheet: string; row: number; col: number } }[];
    };
    const notes = plan.skipped.filter((s) => s.rule === "fill.formula.noise");
    expect(notes.map((s) => `${s.ref.sheet}!${s.ref.row},${s.ref.col}`)).toEqual([
      `${place.sheet}!${place.firstMonth},${place.columns.pAbs}`,
    ]);
    const recalculated = recalculate(filled);
    expect(await cellResults(recalculated, place.sheet, [abs])).toEqual([0.99]);
    const check = JSON.parse((await runGec(["check", recalculated, "--json"])).stdout) as Checked;
    expect(check.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([]);
  }, 240_000);

  it("(c) a monitored workbook re-saved by LibreOffice checks as it did before", async () => {
    const input = path.join(dir, "c.xlsx");
    fs.writeFileSync(input, await gridToXlsx(monitoredGrid().grid));
    const before = JSON.parse((await runGec(["check", input, "--json"])).stdout) as Checked;
    const resaved = recalculate(input);
    // セイホク's h and h' hold all 17 digits of a double; LibreOffice writes 15 (2808.301961523567 → 2808.30196152357)
    const [h] = await cellResults(resaved, "熱実績管理表", ["G56"]);
    expect(typeof h === "number" && String(h).replace(/[.]/g, "").length).toBeLessThanOrEqual(15);
    const after = JSON.parse((await runGec(["check", resaved, "--json"])).stdout) as Checked;
    expect(before.summary.errors).toBe(0);
    expect(after.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([]);
    // and fill finds nothing to rewrite in it: 15 digits are what a spreadsheet holds
    const fill = JSON.parse(
      (await runGec(["fill", resaved, "-o", path.join(dir, "c-filled.xlsx"), "--json"])).stdout,
    ) as {
      writes: unknown[];
    };
    expect(fill.writes).toEqual([]);
  }, 240_000);
});
