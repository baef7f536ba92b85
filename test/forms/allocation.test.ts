// 別紙2 as the template prints it (保有予定者名称 | 所在地 | 保有予定量, 3 input rows, 配分予定なし, 2. 帰属先): read,
// and its holders checked against the block's tCO2.
import { buildTemplate, readSubmission, templateToGrid } from "../../src/engine";
import { checkAllocation } from "../../src/checks/rules/allocation/blocks";
import { Decimal } from "../../src/numbers";
import { formatRef } from "../../src/forms/a1";
import type { Grid } from "../../src/types";
import { withCell } from "../fixtures/seedSubmissions";

const S = "別紙2";

/** The template's block 1 (rows 1–17): tCO2 C2, holders A7:C9, 配分予定なし C10, 帰属先 A13, typed. */
function typed(edits: [string, string | number | null][]): Grid {
  let grid = templateToGrid(buildTemplate("H002-2", 1));
  // the tonnes cell is a formula the template leaves uncalculated: give it the seed's 津別 32,316 t
  grid = withCell(grid, S, "C2", 32316, "=別紙1!V4");
  for (const [a1, v] of edits) grid = withCell(grid, S, a1, v);
  return grid;
}

const holders: [string, string | number | null][] = [
  ["A7", "甲社"],
  ["B7", "東京都千代田区"],
  ["C7", 20000],
  ["A8", "乙社"],
  ["B8", "北海道網走郡津別町"],
  ["C8", 12316],
  ["A13", "熱需要家 丙社"],
];

describe("別紙2 in the template's layout", () => {
  it("reads the holders, 配分予定なし and 帰属先 at the cells the template prints", () => {
    const [block] = readSubmission(typed(holders)).allocationPlan;
    expect(block.holders?.map((h) => [h.name.value, h.address.value, formatRef(h.amount.ref)])).toEqual([
      ["甲社", "東京都千代田区", `${S}!C7`],
      ["乙社", "北海道網走郡津別町", `${S}!C8`],
    ]);
    expect(block.unallocated && formatRef(block.unallocated.ref)).toBe(`${S}!C10`);
    expect(block.attribution?.value).toBe("熱需要家 丙社");
    expect(block.attribution && formatRef(block.attribution.ref)).toBe(`${S}!A13`);
  });

  const rules = (grid: Grid) => {
    const s = readSubmission(grid);
    return checkAllocation(s, [Decimal.from(32316)]).map(
      (f) => `${f.rule} ${formatRef(f.ref)} ${f.expected ?? ""}`,
    );
  };

  it("20,000 + 12,316 = 32,316: nothing to say", () => {
    expect(rules(typed(holders))).toEqual([]);
  });

  it("20,000 + 12,000 = 32,000 with 配分予定なし blank: 316 t to declare at C10", () => {
    expect(rules(typed([...holders, ["C8", 12000]]))).toEqual([`allocation.holders.sum ${S}!C10 316`]);
  });

  it("the rest declared: 20,000 + 12,000 + 316 配分予定なし = 32,316", () => {
    expect(rules(typed([...holders, ["C8", 12000], ["C10", 316]]))).toEqual([]);
  });

  it("a blank template block: no holder, no 配分予定なし, no 帰属先", () => {
    expect(rules(typed([]))).toEqual([
      `allocation.holders.none ${S}!A7 `,
      `allocation.attribution.blank ${S}!A13 `,
    ]);
  });
});
