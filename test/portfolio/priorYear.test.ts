// Each facility against its previous 実績 (the seed's H002-2 of FY2020 against a FY2019 copy): paired by 承認番号, then
// by name; a change beyond the methodology's declared threshold is a warning with both values; CEF/ε changes against
// 1.6; facilities that appeared or disappeared are notes. Expected figures are worked out by hand in each test.
import { compareGrids, compareWithPreviousYear, placeText } from "../../src/portfolio";
import type { PortfolioFinding } from "../../src/portfolio";
import { getMethodology } from "../../src/methodology";
import type { Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { digestOf, fiscalYearBefore } from "../fixtures/portfolio";

const L = "別紙1";
const P = "様式3-2";
const current = () => seedGrid("H002-2", { corrected: true });
/** The FY2019 copy with the cells given changed (別紙1 unless the address names a sheet). */
const previous = (cells: Record<string, string | number> = {}): Grid =>
  Object.entries(cells).reduce(
    (g, [a1, v]) =>
      a1.includes("!") ? withCell(g, a1.split("!")[0], a1.split("!")[1], v) : withCell(g, L, a1, v),
    fiscalYearBefore(current()),
  );

const described = (f: PortfolioFinding) =>
  `${f.rule} ${f.severity} ${placeText(f.at)} ⇔ ${f.other ? placeText(f.other) : "—"}`;

function compare(prev: Grid, now: Grid = current()): PortfolioFinding[] {
  return compareWithPreviousYear([digestOf(now, "2020.xlsx")], [digestOf(prev, "2019.xlsx")]);
}

describe("the thresholds are declared by the methodology", () => {
  it("H002-2: Q_BL, E_PS per Q_BL and t ±30 %, S_B ±10 %, CEF and ε any change unless 1.6 declares one", () => {
    const m = getMethodology("H002-2");
    const declared = Object.fromEntries(
      m.quantities.filter((q) => q.priorYear).map((q) => [q.key, q.priorYear]),
    );
    expect(Object.keys(declared).sort()).toEqual(["cefFuel", "ePs", "emT", "epsBl", "qBl", "sB"]);
    expect(declared.qBl?.relative).toBe(0.3);
    expect(declared.ePs).toMatchObject({ per: "qBl", relative: 0.3 });
    expect(declared.sB?.relative).toBe(0.1);
    expect(declared.emT?.relative).toBe(0.3);
    expect(declared.cefFuel?.unlessDeclared).toBe(true);
    expect(declared.epsBl?.unlessDeclared).toBe(true);
  });
});

describe("compareWithPreviousYear", () => {
  it("the same figures a year later: nothing", () => {
    expect(compare(previous())).toEqual([]);
  });

  it("川辺's Q_BL 190,000,000 → 257,572,286: a warning with both values and the change", () => {
    const found = compare(previous({ L5: 190000000 }));
    // (257,572,286 − 190,000,000) / 190,000,000 = 67,572,286 / 190,000,000 = 0.35564… → +35.6 % (beyond ±30 %);
    // E_PS/Q_BL moves by 190,000,000 / 257,572,286 − 1 = −26.2 %, within ±30 %: no second finding
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!L5 ⇔ 2019.xlsx 別紙1!L5",
    ]);
    expect(found[0]).toMatchObject({ expected: "190,000,000", actual: "257,572,286" });
    expect(found[0].message.ja).toContain("+35.6%");
    expect(found[0].message.ja).toContain("閾値 ±30%");
    expect(found[0].message.ja).toContain("2019-04-01〜2020-03-31");
    expect(found[0].message.en).toContain("3.1 Q_BL");
  });

  it("within the threshold (210,000,000 → 257,572,286, +22.7 %): nothing", () => {
    expect(compare(previous({ L5: 210000000 }))).toEqual([]);
  });

  it("a fall counts as a rise does: 津別 Q_BL 700,000,000 → 494,794,207 is −29.3 %, 720,000,000 → −31.3 %", () => {
    // 494,794,207 / 700,000,000 − 1 = −0.29315; / 720,000,000 − 1 = −0.31279; E_PS/Q_BL then rises by 41.5 % and
    // 45.5 %, so the share is reported as well
    expect(compare(previous({ L4: 700000000, M4: 9446000 })).map(described)).toEqual([]);
    const found = compare(previous({ L4: 720000000, M4: 9717000 }));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!L4 ⇔ 2019.xlsx 別紙1!L4",
    ]);
    expect(found[0].message.ja).toContain("−31.3%");
  });

  it("津別's E_PS 3,000,000 → 6,678,005 at the same Q_BL: E_PS/Q_BL +122.6 %", () => {
    const found = compare(previous({ M4: 3000000 }));
    // shares: 3,000,000 / 494,794,207 = 0.0060631 → 0.0061; 6,678,005 / 494,794,207 = 0.0134965 → 0.0135;
    // change 6,678,005 / 3,000,000 − 1 = 1.2260017 → +122.6 %
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!M4 ⇔ 2019.xlsx 別紙1!M4",
    ]);
    expect(found[0]).toMatchObject({ expected: "0.0061", actual: "0.0135" });
    expect(found[0].message.ja).toContain("E_PS/Q_BL");
    expect(found[0].message.ja).toContain("+122.6%");
  });

  it("川辺's S_B 85 % → 99.94 %: beyond ±10 % (+17.6 %)", () => {
    // (0.9994 − 0.85) / 0.85 = 0.17576…
    const found = compare(previous({ S5: "85%" }));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!S5 ⇔ 2019.xlsx 別紙1!S5",
    ]);
    expect(found[0]).toMatchObject({ expected: "0.85", actual: "0.9994" });
    expect(found[0].message.ja).toContain("+17.6%");
  });

  it("セイホク's t 8,000 → 11,775: +47.2 %", () => {
    // 3,775 / 8,000 = 0.471875
    const found = compare(previous({ V6: 8000 }));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!V6 ⇔ 2019.xlsx 別紙1!V6",
    ]);
    expect(found[0]).toMatchObject({ expected: "8,000", actual: "11,775" });
  });

  it("CEF and ε changed (灯油 → 重油) while 1.6 says 無し: a warning at each", () => {
    const found = compare(previous({ O6: 0.0678, P6: 0.92022 }));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.factorChanged warning 2020.xlsx 別紙1!O6 ⇔ 2019.xlsx 別紙1!O6",
      "portfolio.priorYear.factorChanged warning 2020.xlsx 別紙1!P6 ⇔ 2019.xlsx 別紙1!P6",
    ]);
    expect(found[0]).toMatchObject({ expected: "0.0678", actual: "0.0693" });
    expect(found[0].message.ja).toContain("「無し」");
  });

  it("灯油 0.0678 in FY2023 → 0.0686 in FY2024 (the same fuel under each year's 算定省令 revision): a note, not a warning", () => {
    // 算定省令 別表第1: 灯油 0.0185 tC/GJ (H22改正) → 0.0187 tC/GJ (2024-04-01): 0.0187 × 44/12 = 0.068567 → 0.0686
    const year = (g: Grid, start: string, end: string) =>
      [4, 5, 6].reduce((x, r) => withCell(withCell(x, L, `X${r}`, start), L, `Y${r}`, end), g);
    let now = year(current(), "2024年4月1日", "2025年3月31日");
    now = withCell(withCell(now, P, "B37", "2024年4月1日"), P, "B38", "2025年3月31日");
    now = withCell(now, L, "O5", 0.0686);
    let before = year(seedGrid("H002-2", { corrected: true }), "2023年4月1日", "2024年3月31日");
    before = withCell(withCell(before, P, "B37", "2023年4月1日"), P, "B38", "2024年3月31日");
    const found = compare(before, now).filter((f) => f.rule.startsWith("portfolio.priorYear.factor"));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.factorVintage info 2020.xlsx 別紙1!O5 ⇔ 2019.xlsx 別紙1!O5",
    ]);
    expect(found[0].message.ja).toContain("算定省令 H22改正");
    expect(found[0].message.ja).toContain("算定省令 2024年4月施行改正");
  });

  it("the same change with 1.6 declaring it: notes that quote 1.6", () => {
    // 1.6's text sits in 様式3-2!A41 (row 40 of the plan sheet)
    const now = withCell(current(), P, "A41", "セイホクの代替燃料を灯油から重油に変更");
    const found = compare(previous({ O6: 0.0678, P6: 0.92022 }), now);
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.factorDeclared info 2020.xlsx 別紙1!O6 ⇔ 2019.xlsx 別紙1!O6",
      "portfolio.priorYear.factorDeclared info 2020.xlsx 別紙1!P6 ⇔ 2019.xlsx 別紙1!P6",
    ]);
    expect(found[0].message.ja).toContain("灯油から重油に変更");
  });

  it("a 承認番号 that changed: paired by name, and compared", () => {
    const found = compare(previous({ B5: "14-BB-099", L5: 190000000 }));
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!L5 ⇔ 2019.xlsx 別紙1!L5",
    ]);
  });

  it("a 承認番号 and one character of the name changed, same address: paired by the near miss", () => {
    const found = compare(
      previous({ B5: "14-BB-099", C5: "川邊木質バイオマス熱電供給設備 (2019年度)", L5: 190000000 }),
    );
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 2020.xlsx 別紙1!L5 ⇔ 2019.xlsx 別紙1!L5",
    ]);
  });

  it("a 承認番号 typed from another facility's row (name and address differ): not paired by it", () => {
    // this year's 津別 row carries 川辺's 14-BB-002; 津別 is still paired with last year's 津別 by its name, and
    // last year's 川辺 with this year's 川辺 (same number, same name): nothing compares two facilities
    const now = withCell(current(), L, "B4", "14-BB-002");
    expect(compare(previous(), now)).toEqual([]);
  });

  it("a facility that appeared and one that disappeared: a note each, at its own workbook", () => {
    const found = compare(
      previous({ B6: "13-BB-009", C6: "旧チップボイラー施設 (2019年度)", D6: "宮城県石巻市魚町1丁目" }),
    );
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.appeared info 2020.xlsx 別紙1!C6 ⇔ —",
      "portfolio.priorYear.disappeared info 2019.xlsx 別紙1!C6 ⇔ —",
    ]);
    expect(found[0].message.ja).toContain("17-BB-002");
    expect(found[1].message.ja).toContain("13-BB-009");
  });

  it("several earlier years: each facility is compared with the latest that ends before its period", () => {
    // FY2018 says 100,000,000 for 川辺; FY2019 the same as FY2020: compared with FY2019, nothing changed
    const fy2018 = withCell(fiscalYearBefore(previous()), L, "L5", 100000000);
    const found = compareWithPreviousYear(
      [digestOf(current(), "2020.xlsx")],
      [digestOf(fy2018, "2018.xlsx"), digestOf(previous(), "2019.xlsx")],
    );
    // FY2018's three facilities are the same ones, continued by FY2019's: not paired this year, so named as gone
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.disappeared info 2018.xlsx 別紙1!C4 ⇔ —",
      "portfolio.priorYear.disappeared info 2018.xlsx 別紙1!C5 ⇔ —",
      "portfolio.priorYear.disappeared info 2018.xlsx 別紙1!C6 ⇔ —",
    ]);
  });
});

describe("compareGrids (what the pane's 前年度と比較 calls)", () => {
  it("the open workbook against its earlier copy", () => {
    const found = compareGrids(
      { grid: current(), name: "今年度.xlsx" },
      { grid: previous({ L5: 190000000 }), name: "前年度.xlsx" },
    );
    expect(found.map(described)).toEqual([
      "portfolio.priorYear.change warning 今年度.xlsx 別紙1!L5 ⇔ 前年度.xlsx 別紙1!L5",
    ]);
  });
});
