// The native formulas we write compute what the engine computes: template → typed inputs → fill --formulas →
// LibreOffice recalculation → the published figures.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { HEAT_PROJECT_COLUMNS, POWER_PROJECT_COLUMNS } from "../../src/forms/layout";
import { columnLetters } from "../../src/forms/a1";
import { seedRows, seedGrid } from "../fixtures/seedSubmissions";
import { FACILITY_TEXT } from "../fixtures/filledForm";
import { gridToXlsx } from "../fixtures/xlsxBuilder";
import { runGec, tempDir } from "../fixtures/runGec";
import {
  cellResults,
  describeLo,
  recalculate as recalculateIn,
  typeAllocation,
} from "../fixtures/libreoffice";

const dir = tempDir("lo");
const recalculate = (file: string) => recalculateIn(file, dir);
const results = cellResults;

describeLo("LibreOffice recalculates our formulas to the published figures", () => {
  it("gec template H002-2, typed with the seed's inputs, gec fill --formulas", async () => {
    const template = path.join(dir, "template.xlsx");
    expect((await runGec(["template", "H002-2", "-n", "3", "-o", template])).code).toBe(0);

    // a person types the seed's inputs into the yellow cells (rows 4–6) and the period into 1.5
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(fs.readFileSync(template)).buffer);
    const list = wb.getWorksheet("別紙1") as ExcelJS.Worksheet;
    seedRows("H002-2", true).forEach((row, i) => {
      HEAT_PROJECT_COLUMNS.forEach((column, c) => {
        const cell = list.getCell(4 + i, c + 1);
        const isFormula = cell.value !== null && typeof cell.value === "object" && "formula" in cell.value;
        if (!isFormula && column.key !== "no" && row[column.key] !== undefined) cell.value = row[column.key];
      });
    });
    const plan = wb.getWorksheet("様式3-2") as ExcelJS.Worksheet;
    plan.eachRow((r) => {
      const label = r.getCell(1).value;
      if (label === "開始日") r.getCell(2).value = new Date(Date.UTC(2020, 3, 1));
      if (label === "終了日") r.getCell(2).value = new Date(Date.UTC(2021, 2, 31));
    });
    typeAllocation(wb);
    const typed = path.join(dir, "typed.xlsx");
    fs.writeFileSync(typed, new Uint8Array(await wb.xlsx.writeBuffer()));

    const filled = path.join(dir, "filled.xlsx");
    expect((await runGec(["fill", typed, "-o", filled, "--formulas"])).code).toBe(0);
    const recalculated = recalculate(filled);

    // 別紙1 of reference/003 (H002-2): 3.3, 3.8, 3.9, 3.10, 3.11 per row, with 川辺 3.3 = 186,081,657 and
    // セイホク 3.10 = 11,775,692 as their inputs give them (the printed …857 and …927 do not reproduce).
    expect(await results(recalculated, "別紙1", ["N4", "N5", "N6"])).toEqual([
      431460008, 186081657, 157281769,
    ]);
    expect(await results(recalculated, "別紙1", ["S4", "S5", "S6"])).toEqual([1, 0.9994, 0.9996]);
    expect(await results(recalculated, "別紙1", ["T4", "T5", "T6"])).toEqual([0.0749, 0.0736, 0.0749]);
    expect(await results(recalculated, "別紙1", ["U4", "U5", "U6"])).toEqual([32316354, 13687392, 11775692]);
    expect(await results(recalculated, "別紙1", ["V4", "V5", "V6", "V7"])).toEqual([
      32316, 13687, 11775, 57778,
    ]);
    // 別紙2 blocks follow each facility's tCO2 (R7)
    const alloc = await results(recalculated, "別紙2", ["C2", "C19", "C36"]);
    expect(alloc).toEqual([32316, 13687, 11775]);
    // and the recalculated workbook passes the engine's own check
    const check = await runGec(["check", recalculated, "--json"]);
    expect(errorsButBlankPlanText(check.stdout)).toEqual([]);
  });

  it("power (P002): EPC inline in 3.5, EMP and tCO2 recalculate to hand-computed figures", async () => {
    const template = path.join(dir, "power.xlsx");
    expect((await runGec(["template", "P002", "-n", "2", "-o", template])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(fs.readFileSync(template)).buffer);
    const list = wb.getWorksheet("別紙1") as ExcelJS.Worksheet;
    const col = (key: string) => POWER_PROJECT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const rows = [
      { facilityName: "太陽光A (2020年度)", eps: 600000, epg: 1000000, epa: 50000, cefElec: 0.441 },
      { facilityName: "太陽光B (2020年度)", eps: 123457, epg: 200000, epa: 7777, cefElec: 0.453 },
    ];
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries({ ...FACILITY_TEXT, ...row }))
        list.getCell(4 + i, col(key)).value = value as ExcelJS.CellValue;
    });
    // and the period into 1.5, as a person completes the form
    (wb.getWorksheet("様式3-2") as ExcelJS.Worksheet).eachRow((r) => {
      const label = r.getCell(1).value;
      if (label === "開始日") r.getCell(2).value = new Date(Date.UTC(2020, 3, 1));
      if (label === "終了日") r.getCell(2).value = new Date(Date.UTC(2021, 2, 31));
    });
    typeAllocation(wb);
    const typed = path.join(dir, "power-typed.xlsx");
    fs.writeFileSync(typed, new Uint8Array(await wb.xlsx.writeBuffer()));
    const filled = path.join(dir, "power-filled.xlsx");
    expect((await runGec(["fill", typed, "-o", filled, "--formulas"])).code).toBe(0);
    const at = (key: string, row: number) => `${columnLetters(col(key) - 1)}${row}`;
    // the 3.5 cell holds the power formula, EPC inlined (it has no column): not a value
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(new Uint8Array(fs.readFileSync(filled)).buffer);
    const emKg = (written.getWorksheet("別紙1") as ExcelJS.Worksheet).getCell(at("emKg", 4)).value as {
      formula?: string;
    };
    const [eps, epg, epa, cef] = ["eps", "epg", "epa", "cefElec"].map((k) => at(k, 4));
    expect(emKg.formula).toContain(`ROUNDDOWN((${eps}+(${epg}-${eps}-${epa}))*${cef},0)`);
    const recalculated = recalculate(filled);
    // EPS + EPC = EPS + (EPG − EPS − EPA) = EPG − EPA: (1,000,000 − 50,000) × 0.441 = 418,950 kg → 418 t;
    // (200,000 − 7,777) × 0.453 = 192,223 × 0.453 = 87,077.019 → 87,077 kg → 87 t; 合計 418 + 87 = 505 t
    expect(await results(recalculated, "別紙1", [at("emKg", 4), at("emKg", 5)])).toEqual([418950, 87077]);
    expect(await results(recalculated, "別紙1", [at("emT", 4), at("emT", 5), at("emT", 6)])).toEqual([
      418, 87, 505,
    ]);
    const check = await runGec(["check", recalculated, "--json"]);
    expect(errorsButBlankPlanText(check.stdout)).toEqual([]);
  });

  it("a blank template recalculates to blank derived cells, not #DIV/0!", async () => {
    const template = path.join(dir, "blank.xlsx");
    expect((await runGec(["template", "H002-1", "-n", "2", "-o", template])).code).toBe(0);
    const recalculated = recalculate(template);
    // LibreOffice stores "" for the blanked cells, which ExcelJS reads back as no result at all; an error would
    // come back as {error: "#DIV/0!"}. S_B is 100 % while F_B and F_T are both blank, as the scheme reads "—".
    expect(await results(recalculated, "別紙1", ["N4", "S4", "T4", "U4", "V4"])).toEqual([
      undefined,
      1,
      undefined,
      undefined,
      undefined,
    ]);
    const check = JSON.parse((await runGec(["check", recalculated, "--json"])).stdout) as {
      findings: { rule: string }[];
    };
    // no error value anywhere; a blank form's one finding is that it has no facility row yet (issue 9)
    expect(check.findings.map((f) => f.rule)).toEqual(["form.noFacilities"]);
  });

  it("the published H002-1 filled with formulas recalculates to 0.0736 in 3.9 and the printed kg and t", async () => {
    const input = path.join(dir, "h1.xlsx");
    fs.writeFileSync(input, await gridToXlsx(seedGrid("H002-1")));
    const filled = path.join(dir, "h1-filled.xlsx");
    expect((await runGec(["fill", input, "-o", filled, "--formulas"])).code).toBe(0);
    const recalculated = recalculate(filled);
    expect(await results(recalculated, "別紙1", ["T4", "T5", "T6"])).toEqual([0.0736, 0.0736, 0.0736]);
    // 3,073,000 × 1 × 0.0736 = 226,172.8 → 226,172 kg → 226 t (printed 226,172 / 226), and so on
    expect(await results(recalculated, "別紙1", ["U4", "U5", "U6"])).toEqual([226172, 445795, 143225]);
    expect(await results(recalculated, "別紙1", ["V4", "V5", "V6", "V7"])).toEqual([226, 445, 143, 814]);
  });
});

/** The errors of a `gec check --json` but the template's blank 1.1 and 2.1 (form.planPart.missing: the applicant's). */
function errorsButBlankPlanText(stdout: string): string[] {
  const { findings } = JSON.parse(stdout) as { findings: { rule: string; severity: string }[] };
  return findings
    .filter((f) => f.severity === "error" && f.rule !== "form.planPart.missing")
    .map((f) => f.rule);
}
