// A WritePlan applied to a Grid in memory: values, formulas and number formats land where the plan says, nothing else moves.
import { applyToGrid } from "../../src/fill/apply";
import { invertPlan } from "../../src/fill/invert";
import type { Grid, WritePlan } from "../../src/types";

const grid = (): Grid => ({
  sheets: [
    // 別紙1 starts at B2 (row 1, column 1): its values[0][0] is B2
    { name: "別紙1", origin: { row: 1, col: 1 }, values: [[1, 2]], numberFormats: [["#,##0", null]] },
    { name: "別紙2", origin: { row: 0, col: 0 }, values: [["t"]] },
  ],
});

describe("applyToGrid", () => {
  it("writes a value, a formula with its cached value and a number format at their cells, growing the sheet", () => {
    const before = grid();
    const plan: WritePlan = [
      // C2: the second cell of the first row
      {
        ref: { sheet: "別紙1", row: 1, col: 2 },
        value: 3,
        previous: 2,
        numberFormat: "0.00%",
        previousNumberFormat: null,
      },
      // D4: two rows down and one column right of the used range
      { ref: { sheet: "別紙1", row: 3, col: 3 }, formula: "=B2+C2", value: 4, previous: null },
    ];
    const after = applyToGrid(before, plan);
    const list = after.sheets[0];
    expect(list.values).toEqual([[1, 3], [], [null, null, 4]]);
    expect(list.formulas).toEqual([[null, null], [], [null, null, "=B2+C2"]]);
    expect(list.numberFormats).toEqual([["#,##0", "0.00%"]]);
    // the Grid given is not changed, and a sheet no write touches is the same object
    expect(before.sheets[0].values).toEqual([[1, 2]]);
    expect(after.sheets[1]).toBe(before.sheets[1]);
  });

  it("a sheet without number formats gets none; an empty plan gives the Grid back", () => {
    const before = grid();
    const after = applyToGrid(before, [
      { ref: { sheet: "別紙2", row: 0, col: 0 }, value: 186081657, previous: "t", numberFormat: "#,##0" },
    ]);
    expect(after.sheets[1].values).toEqual([[186081657]]);
    expect(after.sheets[1].numberFormats).toBeUndefined();
    expect(applyToGrid(before, [])).toBe(before);
  });

  it("the inverse plan restores the values (formulas read as blank where there were none)", () => {
    const before = grid();
    const plan: WritePlan = [
      { ref: { sheet: "別紙1", row: 1, col: 1 }, value: 9, previous: 1, previousFormula: null },
    ];
    const restored = applyToGrid(applyToGrid(before, plan), invertPlan(plan));
    expect(restored.sheets[0].values).toEqual([[1, 2]]);
  });

  it("a write to a sheet the Grid does not have is an error, and nothing is written", () => {
    expect(() =>
      applyToGrid(grid(), [{ ref: { sheet: "別紙3", row: 0, col: 0 }, value: 1, previous: null }]),
    ).toThrow("no sheet 別紙3");
  });
});
