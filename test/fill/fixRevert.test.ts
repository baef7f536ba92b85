// 修正 then 元に戻す: a one-cell fix keeps the formula and number format it replaces, so the revert is exact.
import { invertPlan, validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import type { Grid } from "../../src/types";
import { applyToGrid } from "../fixtures/gridWrites";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";

describe("a fix on a formula cell", () => {
  // the corrected H002-2 seed with its 合計 (別紙1!V7) as a SUM whose cached result is one tonne high
  const grid = withCell(seedGrid("H002-2", { corrected: true }), "別紙1", "V7", 57779, "=SUM(V4:V6)");

  it("carries the previous formula, and the revert restores it", () => {
    const finding = validateGrid(grid).findings.find((f) => f.rule === "projectList.total.recompute");
    expect(finding && formatRef(finding.ref)).toBe("別紙1!V7");
    const fix = finding?.fix;
    if (!fix) throw new Error("no fix");
    // 32,316 + 13,687 + 11,775 t (the seed's 3.11) = 57,778
    expect(fix.value).toBe(57778);
    expect(fix.previousFormula).toBe("=SUM(V4:V6)");
    const v7 = (g: Grid) => {
      const sheet = g.sheets.find((s) => s.name === "別紙1");
      if (!sheet) throw new Error("no 別紙1");
      const [r, c] = [6 - sheet.origin.row, 21 - sheet.origin.col];
      return { value: sheet.values[r]?.[c] ?? null, formula: sheet.formulas?.[r]?.[c] ?? null };
    };
    expect(v7(grid)).toEqual({ value: 57779, formula: "=SUM(V4:V6)" });
    const fixed = applyToGrid(grid, [fix]);
    expect(v7(fixed)).toEqual({ value: 57778, formula: null });
    expect(v7(applyToGrid(fixed, invertPlan([fix])))).toEqual({ value: null, formula: "=SUM(V4:V6)" });
  });
});
