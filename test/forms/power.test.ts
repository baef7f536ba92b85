// A power 様式3-2 (P002) is read with the power 別紙1 columns, checked and filled by the power formulas.
import { buildTemplate, planFill, templateToGrid, validateGrid, cellAddress } from "../../src/engine";
import { readSubmission } from "../../src/forms/read";
import { POWER_PROJECT_COLUMNS } from "../../src/forms/layout";
import type { CellValue, CellWrite, Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { FACILITY_TEXT, withPeriod } from "../fixtures/filledForm";

/** The P002 template with one facility typed in: 3.1 EPS, 3.2 EPG, 3.3 EPA, 3.4 CEF_electricity,t. */
function typedPower(inputs: Record<string, CellValue>): Grid {
  const grid = withPeriod(templateToGrid(buildTemplate("P002", 1)));
  const writes: CellWrite[] = [];
  const typed = { ...FACILITY_TEXT, ...inputs };
  POWER_PROJECT_COLUMNS.forEach((column, col) => {
    if (typed[column.key] !== undefined)
      writes.push({ ref: { sheet: "別紙1", row: 3, col }, value: typed[column.key], previous: null });
  });
  return applyToGrid(grid, writes);
}

const col = (key: string) => POWER_PROJECT_COLUMNS.findIndex((c) => c.key === key);

describe("power 別紙1", () => {
  const inputs = {
    facilityName: "テスト太陽光発電所",
    eps: 800000,
    epg: 1000000,
    epa: 12345,
    cefElec: 0.000441,
    startDate: "2020年4月1日",
    endDate: "2021年3月31日",
  };

  it("is read with the power columns", () => {
    const s = readSubmission(typedPower(inputs));
    expect(s.methodology.code).toBe("P002");
    expect(s.projectList?.rows).toHaveLength(1);
    expect(Object.keys(s.projectList?.columns ?? {})).toEqual(
      expect.arrayContaining(["eps", "epg", "epa", "cefElec", "emKg", "emT"]),
    );
    expect(s.projectList?.columns.qBl).toBeUndefined();
  });

  it("fills EMP and t by hand calculation", () => {
    // EPC = 1,000,000 − 800,000 − 12,345 = 187,655 kWh; (EPS + EPC) × CEF = 987,655 × 0.000441
    //     = 435.555855 → ROUNDDOWN → 435 kg → 0 t
    const { writes, skipped } = planFill(typedPower(inputs));
    expect(skipped).toEqual([]);
    const at = (w: CellWrite) => `${w.ref.sheet}!${cellAddress(w.ref)}`;
    const emKg = writes.find((w) => w.ref.sheet === "別紙1" && w.ref.col === col("emKg"));
    const emT = writes.find((w) => w.ref.sheet === "別紙1" && w.ref.col === col("emT"));
    expect([emKg?.value, emT?.value]).toEqual([435, 0]);
    expect(
      writes.every((w) => w.ref.sheet !== "別紙1" || [col("emKg"), col("emT")].includes(w.ref.col)),
    ).toBe(true);
    expect(writes.map(at)).toContain(`別紙1!${cellAddress({ row: 3, col: col("emKg") })}`);
  });

  it("flags an EMP that does not reproduce, at its cell", () => {
    const typed = typedPower({ ...inputs, epg: 50_000_000, emKg: 21_700_000, emT: 21_700 });
    // (EPG − EPA) × CEF = 49,987,655 × 0.000441 = 22,044.555855 → 22,044 kg, 22 t
    const report = validateGrid(typed);
    // the template's blank 1.1 and 2.1 (form.planPart.missing) are not this fault's
    const errors = report.findings.filter(
      (f) => f.severity === "error" && f.rule !== "form.planPart.missing",
    );
    expect(errors.map((f) => [f.rule, cellAddress(f.ref), f.expected])).toEqual([
      ["projectList.emKg.recompute", cellAddress({ row: 3, col: col("emKg") }), "22044"],
      ["projectList.emT.recompute", cellAddress({ row: 3, col: col("emT") }), "22"],
      // the 合計 formula has no computed value in a grid read before recalculation: Σ t = 22
      ["projectList.total.recompute", cellAddress({ row: 4, col: col("emT") }), "22"],
    ]);
  });
});
