// planFill and invertPlan on the seed workbooks: exactly the cells that do not reproduce, never an input.
import { invertPlan, planFill, validateGrid, cellAddress } from "../../src/engine";
import { HEAT_PROJECT_COLUMNS } from "../../src/forms/layout";
import { getMethodology } from "../../src/methodology";
import type { CellWrite, Grid } from "../../src/types";
import { seedGrid } from "../fixtures/seedSubmissions";
import { applyToGrid } from "../fixtures/gridWrites";

const at = (w: CellWrite) => `${w.ref.sheet}!${cellAddress(w.ref)}`;
const derivedKeys = new Set(
  getMethodology("H002-2")
    .quantities.filter((q) => q.role === "derived")
    .map((q) => q.key),
);
/** 0-based columns of 別紙1's input columns in the seed layout (header row 2, data from row 3). */
const inputColumns = HEAT_PROJECT_COLUMNS.map((c, i) => (derivedKeys.has(c.key) ? -1 : i)).filter(
  (i) => i >= 0,
);

function inputCells(grid: Grid): Map<string, unknown> {
  const sheet = grid.sheets.find((s) => s.name === "別紙1") as Grid["sheets"][number];
  const cells = new Map<string, unknown>();
  sheet.values.forEach((line, r) => {
    if (r < 3) return;
    for (const c of inputColumns) cells.set(`${r},${c}`, line[c]);
  });
  return cells;
}

describe("planFill in values", () => {
  it("H002-2 as published: only 別紙1!N5 (3.3) and U6 (3.10), with what they held", () => {
    // 3.3 of 川辺: 257,572,286 − ROUNDDOWN(7,538,025 × 9.484, 0) = 257,572,286 − 71,490,629 = 186,081,657
    //   (7,538,025 × 9.484 = 71,490,629.1); printed 186,081,857.
    // 3.10 of セイホク: Q_WB 157,281,769 × S_B 0.9996 × 0.0749 = 11,775,692.3… → 11,775,692; printed 11,775,927.
    const { writes, skipped } = planFill(seedGrid("H002-2"));
    expect(writes.map((w) => [at(w), w.value, w.previous])).toEqual([
      ["別紙1!N5", 186081657, 186081857],
      ["別紙1!U6", 11775692, 11775927],
    ]);
    expect(skipped).toEqual([]);
  });

  it("H002-1 as published: 3.9 of each row becomes 0.0736 (0.0678 ÷ 0.92022 = 0.07367… truncated)", () => {
    const { writes } = planFill(seedGrid("H002-1"));
    expect(writes.map((w) => [at(w), w.value, w.previous])).toEqual([
      ["別紙1!T4", 0.0736, 0.0738],
      ["別紙1!T5", 0.0736, 0.0738],
      ["別紙1!T6", 0.0736, 0.0738],
    ]);
  });

  it("a corrected workbook needs no write", () => {
    expect(planFill(seedGrid("H002-2", { corrected: true })).writes).toEqual([]);
    expect(planFill(seedGrid("H002-1", { corrected: true })).writes).toEqual([]);
  });

  it("after the fill the workbook validates without error", () => {
    for (const which of ["H002-2", "H002-1"] as const) {
      const grid = seedGrid(which);
      const filled = applyToGrid(grid, planFill(grid).writes);
      expect(validateGrid(filled).summary.errors).toBe(0);
    }
  });

  it("layout variants give the same writes, moved with the table", () => {
    const plain = planFill(seedGrid("H002-2")).writes;
    const shifted = planFill(seedGrid("H002-2", { shiftRows: 4, shiftCols: 3 })).writes;
    expect(shifted.map((w) => [w.ref.row - 4, w.ref.col - 3, w.value])).toEqual(
      plain.map((w) => [w.ref.row, w.ref.col, w.value]),
    );
    const text = planFill(seedGrid("H002-2", { textNumbers: true })).writes;
    expect(text.map((w) => [at(w), w.value, w.previous])).toEqual([
      ["別紙1!N5", 186081657, "186,081,857"],
      ["別紙1!U6", 11775692, "11,775,927"],
    ]);
  });

  it("a row with a missing input is skipped with a reason, and the total is left alone", () => {
    const grid = seedGrid("H002-2", { corrected: true });
    const ePs = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "ePs");
    const broken = applyToGrid(grid, [
      { ref: { sheet: "別紙1", row: 4, col: ePs }, value: null, previous: 0 },
    ]);
    const { writes, skipped } = planFill(broken);
    expect(writes).toEqual([]);
    expect(skipped.map((s) => [s.rule, s.ref.row])).toEqual([
      ["fill.row.incomplete", 4],
      ["fill.total.incomplete", 6],
    ]);
    expect(skipped[0].message.ja).toContain("E_PS");
  });

  it("a workbook that is no 様式3-2 gets no write and one reason", () => {
    const grid: Grid = { sheets: [{ name: "Sheet1", values: [["hello", 1]], origin: { row: 0, col: 0 } }] };
    const { writes, skipped } = planFill(grid);
    expect(writes).toEqual([]);
    expect(skipped.map((s) => s.rule)).toEqual(["fill.noProjectList"]);
  });
});

describe("planFill with native formulas", () => {
  const grid = seedGrid("H002-2");
  const { writes } = planFill(grid, { formulas: true });

  it("writes every derived cell of every row, the 合計 and each 別紙2 block, and nothing else", () => {
    // 3 rows × 5 derived columns (3.3, 3.8, 3.9, 3.10, 3.11) + 合計 + 3 別紙2 blocks
    expect(writes).toHaveLength(3 * 5 + 1 + 3);
    const inputs = inputCells(grid);
    for (const w of writes) {
      expect(w.formula).toMatch(/^=/);
      expect(w.formula).not.toMatch(/GEC\./i);
      if (w.ref.sheet === "別紙1") expect(inputs.has(`${w.ref.row},${w.ref.col}`)).toBe(false);
    }
  });

  it("uses the scheme's rounding in Excel terms, row by row", () => {
    const byCell = new Map(writes.map((w) => [at(w), w.formula]));
    // columns in the seed layout: L 3.1, M 3.2, N 3.3, O 3.4, P 3.5, Q 3.6, R 3.7, S 3.8, T 3.9, U 3.10, V 3.11
    expect(byCell.get("別紙1!N5")).toBe('=IF(OR(L5="",M5=""),"",L5-ROUNDDOWN(M5*9.484,0))');
    expect(byCell.get("別紙1!T5")).toBe('=IF(OR(O5="",P5=""),"",ROUNDDOWN(O5/P5,4))');
    expect(byCell.get("別紙1!U5")).toBe('=IF(OR(N5="",S5="",T5=""),"",ROUNDDOWN(N5*S5*T5,0))');
    expect(byCell.get("別紙1!V5")).toBe('=IF(U5="","",ROUNDDOWN(U5/1000,0))');
    expect(byCell.get("別紙1!V7")).toBe("=SUM(V4:V6)");
    expect(byCell.get("別紙2!C14")).toBe("='別紙1'!V5");
    expect(byCell.get("別紙1!S5")).toContain("ROUNDDOWN(Q5/R5,4)");
  });

  it("shows S_B as a percentage where the cell had no % format", () => {
    const sB = writes.filter((w) => cellAddress(w.ref).startsWith("S"));
    expect(sB.map((w) => w.numberFormat)).toEqual(["0.00%", "0.00%", "0.00%"]);
  });

  it("a second fill over the first plans nothing", () => {
    const once = applyToGrid(grid, writes);
    expect(planFill(once, { formulas: true }).writes).toEqual([]);
  });
});

describe("invertPlan", () => {
  it("restores exactly the values and formulas that were there", () => {
    for (const formulas of [false, true]) {
      const grid = seedGrid("H002-2", { textNumbers: true });
      const plan = planFill(grid, { formulas }).writes;
      expect(plan.length).toBeGreaterThan(0);
      const written = applyToGrid(grid, plan);
      const restored = applyToGrid(written, invertPlan(plan));
      for (const [i, sheet] of grid.sheets.entries()) {
        expect(restored.sheets[i].values).toEqual(sheet.values);
        for (const line of restored.sheets[i].formulas ?? []) for (const f of line) expect(f).toBeNull();
      }
    }
  });

  it("puts a formula back where a value replaced it", () => {
    const grid = applyToGrid(seedGrid("H002-2", { corrected: true }), [
      { ref: { sheet: "別紙1", row: 4, col: 13 }, formula: "=1+1", previous: null },
    ]);
    // the formula's cached value is unknown (null), so the fill writes the value 186,081,657 over it
    const plan = planFill(grid).writes;
    expect(plan).toEqual([
      { ref: { sheet: "別紙1", row: 4, col: 13 }, value: 186081657, previous: null, previousFormula: "=1+1" },
    ]);
    const back = invertPlan(plan);
    expect(back).toEqual([
      {
        ref: { sheet: "別紙1", row: 4, col: 13 },
        formula: "=1+1",
        previous: 186081657,
        previousFormula: null,
      },
    ]);
  });
});
