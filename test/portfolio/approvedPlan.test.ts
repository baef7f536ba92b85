// The registered plan (様式1-2) of the seed's H002-2 against its 実績: read by the label-based reader, compared on the
// methodology, the facilities, CEF/ε and 方法1/方法2, and 1.6 against what differs (JQA's criterion 5).
import { compareWithPlan, placeText, readApprovedPlan } from "../../src/portfolio";
import type { PortfolioFinding } from "../../src/portfolio";
import { formatRef } from "../../src/forms/a1";
import type { CellValue } from "../../src/types";
import { approvedPlanGrid } from "../fixtures/approvedPlan";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { digestOf } from "../fixtures/portfolio";

const L = "別紙1";
const P = "様式3-2";
const actual = () => seedGrid("H002-2", { corrected: true });
const plan = (edit?: (rows: Record<string, CellValue>[]) => void) =>
  readApprovedPlan(approvedPlanGrid(edit), { path: "plan.xlsx", sha256: "p" });

const described = (f: PortfolioFinding) =>
  `${f.rule} ${f.severity} ${placeText(f.at)} ⇔ ${f.other ? placeText(f.other) : "—"}`;

describe("readApprovedPlan", () => {
  it("reads the 様式1-2: its 1.3 tick, its 事業リスト (計画) without 実績 columns, 2.2's 方法2 and the issuer", () => {
    const d = plan();
    expect(d.methodology.code).toBe("H002-2");
    expect(
      d.facilities.map((f) => [
        f.approvalNumber?.value,
        f.name?.value,
        f.address && formatRef(f.address.ref),
      ]),
    ).toEqual([
      ["14-BB-001", "津別単板協同組合バイオマスエネルギーセンター", "別紙1!D4"],
      ["14-BB-002", "川辺木質バイオマス熱電供給設備", "別紙1!D5"],
      ["17-BB-002", "セイホクバイオマス熱電供給設備", "別紙1!D6"],
    ]);
    // the seed's CEF/ε (重油 0.0693/0.92512, 灯油 0.0678/0.92022) are the defaults: 方法2 each
    expect(d.facilities.map((f) => [f.values.cefFuel?.value, f.values.epsBl?.value, f.method])).toEqual([
      ["0.0693", "0.92512", "方法2"],
      ["0.0678", "0.92022", "方法2"],
      ["0.0693", "0.92512", "方法2"],
    ]);
    expect(d.statedMethod?.value).toBe("方法2");
    expect(d.issuer?.value).toBe("日本自然エネルギー株式会社");
    expect(d.changes.state).toBe("none");
  });
});

describe("compareWithPlan", () => {
  it("the seed's 実績 against its plan: nothing differs, and 1.6 says 無し", () => {
    expect(compareWithPlan(plan(), digestOf(actual(), "jisseki.xlsx"))).toEqual([]);
  });

  it("川辺's CEF 0.0678 → 0.0700 (a value of its own: 方法1) while 1.6 says 無し: errors at 3.4 naming the plan's cell", () => {
    const found = compareWithPlan(plan(), digestOf(withCell(actual(), L, "O5", 0.07), "jisseki.xlsx"));
    expect(found.map(described)).toEqual([
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!O5 ⇔ plan.xlsx 別紙1!K5",
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!O5 ⇔ plan.xlsx 別紙1!K5",
    ]);
    expect(found.map((f) => [f.expected, f.actual])).toEqual([
      ["0.0678", "0.07"],
      ["方法2", "方法1"],
    ]);
    expect(found[0].message.ja).toContain("1.6 は「無し」");
  });

  it("the same change with 1.6 stating it: warnings to judge it against the rules", () => {
    const declared = withCell(
      withCell(actual(), L, "O5", 0.07),
      P,
      "A41",
      "川辺の CEF を実測値（方法1）に変更",
    );
    const found = compareWithPlan(plan(), digestOf(declared, "jisseki.xlsx"));
    expect(found.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      "portfolio.plan.changed warning",
      "portfolio.plan.changed warning",
    ]);
    expect(found[0].message.ja).toContain("川辺の CEF を実測値（方法1）に変更");
  });

  it("1.6 declares a change but nothing compared differs: a warning at 1.6", () => {
    const declared = withCell(actual(), P, "A41", "モニタリング責任者を変更");
    const found = compareWithPlan(plan(), digestOf(declared, "jisseki.xlsx"));
    expect(found.map(described)).toEqual([
      "portfolio.plan.changeUnseen warning jisseki.xlsx '様式3-2'!A41 ⇔ plan.xlsx",
    ]);
  });

  it("a facility the plan does not have: an error; the plan's facility not reported: a note at the plan", () => {
    let a = withCell(actual(), L, "B6", "20-BB-001");
    a = withCell(a, L, "C6", "石巻第二バイオマス熱供給設備 (2020年度)");
    a = withCell(a, L, "D6", "宮城県石巻市魚町1丁目");
    const found = compareWithPlan(plan(), digestOf(a, "jisseki.xlsx"));
    expect(found.map(described)).toEqual([
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!C6 ⇔ plan.xlsx",
      "portfolio.plan.facilityAbsent info plan.xlsx 別紙1!C6 ⇔ jisseki.xlsx",
    ]);
    expect(found[0].message.ja).toContain("認定計画にない施設");
  });

  it("a facility found by name where its 承認番号 is not in the plan, at another address: the address differs", () => {
    // the seed's own two spellings of 川辺's address: 別紙1's OCR prints 上川辺282番1, JQA's report 上川辺 252 番 1
    const found = compareWithPlan(
      plan((rows) => {
        rows[1].approvalNumber = null;
        rows[1].address = "岐阜県加茂郡川辺町上川辺282番1";
      }),
      digestOf(actual(), "jisseki.xlsx"),
    );
    expect(found.map(described)).toEqual([
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!D5 ⇔ plan.xlsx 別紙1!D5",
    ]);
    expect(found[0]).toMatchObject({
      expected: "岐阜県加茂郡川辺町上川辺282番1",
      actual: "岐阜県加茂郡川辺町上川辺252番1",
    });
  });

  it("another methodology ticked in the plan: an error at the 1.3 ticks", () => {
    // 1.3 rows from 様式3-2!A5 in registry order: H002-1 is the 12th (A16), H002-2 the 13th (A17)
    const grid = approvedPlanGrid();
    const planSheet = grid.sheets[0];
    planSheet.values[15][0] = "■";
    planSheet.values[16][0] = "□";
    const found = compareWithPlan(
      readApprovedPlan(grid, { path: "plan.xlsx", sha256: "p" }),
      digestOf(actual(), "jisseki.xlsx"),
    );
    expect(found.map(described)).toEqual([
      "portfolio.plan.undeclared error jisseki.xlsx '様式3-2'!A17 ⇔ plan.xlsx '様式1-2'!A16",
    ]);
    expect(found[0]).toMatchObject({ expected: "H002-1", actual: "H002-2" });
  });

  it("a plan whose list gives no CEF: the 実績's CEF against 2.2's stated defaults, and 2.2's 方法2", () => {
    const noFactors = plan((rows) => rows.forEach((r) => ((r.cefFuel = null), (r.epsBl = null))));
    expect(compareWithPlan(noFactors, digestOf(actual(), "jisseki.xlsx"))).toEqual([]);
    const found = compareWithPlan(noFactors, digestOf(withCell(actual(), L, "O5", 0.07), "jisseki.xlsx"));
    // 2.2's statement stands in 様式1-2!D48 (row 47): 灯油 0.0678, 重油 0.0693
    expect(found.map(described)).toEqual([
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!O5 ⇔ plan.xlsx '様式1-2'!D48",
      "portfolio.plan.undeclared error jisseki.xlsx 別紙1!O5 ⇔ plan.xlsx '様式1-2'!D48",
    ]);
    expect(found.map((f) => [f.expected, f.actual])).toEqual([
      ["0.0678 / 0.0693", "0.07"],
      ["方法2", "方法1"],
    ]);
  });
});
