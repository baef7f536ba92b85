// The same facility claimed in two workbooks, found over digests: the same 承認番号, or the same name and address,
// with overlapping periods (error, at both files and cells); the same file twice (info).
import { crossWorkbookFindings, digestSubmission, placeText } from "../../src/portfolio";
import type { PortfolioFinding } from "../../src/portfolio";
import { formatRef } from "../../src/forms/a1";
import { readSubmission } from "../../src/forms/read";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";
import { digestOf, fiscalYearBefore } from "../fixtures/portfolio";

const L = "別紙1";
const h22 = () => seedGrid("H002-2", { corrected: true });
const h21 = () => seedGrid("H002-1", { corrected: true });

/** "rule at file cell ⇔ file cell", for comparing findings whole. */
const described = (f: PortfolioFinding) =>
  `${f.rule} ${f.severity} ${placeText(f.at)} ⇔ ${f.other ? placeText(f.other) : "—"}`;

describe("crossWorkbookFindings", () => {
  it("two issuers' workbooks with different facilities: nothing", () => {
    expect(crossWorkbookFindings([digestOf(h22(), "a.xlsx"), digestOf(h21(), "b.xlsx")])).toEqual([]);
  });

  it("a 承認番号 of one workbook in another, same fiscal year: an error at the later file's cell naming the earlier's", () => {
    // H002-1's first row given 川辺's 14-BB-002 (H002-2 row 5)
    const b = withCell(h21(), L, "B4", "14-BB-002");
    const found = crossWorkbookFindings([digestOf(h22(), "a.xlsx"), digestOf(b, "b.xlsx")]);
    expect(found.map(described)).toEqual([
      "portfolio.approvalNumber.duplicate error b.xlsx 別紙1!B4 ⇔ a.xlsx 別紙1!B5",
    ]);
    expect(found[0].message.ja).toContain("14-BB-002");
    expect(found[0].message.ja).toContain("a.xlsx 別紙1!B5");
    expect(found[0].message.ja).toContain("川辺木質バイオマス熱電供給設備");
    expect(found[0].message.en).toContain("2020-04-01〜2021-03-31");
  });

  it("the same 承認番号 a fiscal year apart is the facility's next 実績, not a duplicate", () => {
    const before = fiscalYearBefore(h22());
    expect(crossWorkbookFindings([digestOf(before, "2019.xlsx"), digestOf(h22(), "2020.xlsx")])).toEqual([]);
  });

  it("periods that share one day overlap: a row's 5.2 on the other's 5.1", () => {
    // the FY2019 copy's セイホク row ends on 2020-04-01, the day the FY2020 period starts
    const before = withCell(fiscalYearBefore(h22()), L, "Z6", "2020年4月1日");
    const found = crossWorkbookFindings([digestOf(before, "2019.xlsx"), digestOf(h22(), "2020.xlsx")]);
    expect(found.map(described)).toEqual([
      "portfolio.approvalNumber.duplicate error 2020.xlsx 別紙1!B6 ⇔ 2019.xlsx 別紙1!B6",
    ]);
  });

  it("the same facility by name and address under another 承認番号: an error at the names", () => {
    // H002-1's third row made セイホク (H002-2 row 6), keeping its own 17-BA-003
    let b = withCell(h21(), L, "C6", "セイホクバイオマス熱電供給設備 (2020年度)");
    b = withCell(b, L, "D6", "宮城県石巻市潮見町2番地1");
    const found = crossWorkbookFindings([digestOf(h22(), "a.xlsx"), digestOf(b, "b.xlsx")]);
    expect(found.map(described)).toEqual([
      "portfolio.facility.duplicate error b.xlsx 別紙1!C6 ⇔ a.xlsx 別紙1!C6",
    ]);
    expect(found[0].message.ja).toContain("17-BA-003");
    expect(found[0].message.ja).toContain("17-BB-002");
    expect(found[0].message.ja).not.toContain("1 文字違い");
  });

  it("one character off, in another spelling of the fiscal year and full-width spaces: the same facility, said so", () => {
    let b = withCell(h21(), L, "C6", "セイホク・バイオマス熱電供給設備（令和2年度）");
    b = withCell(b, L, "D6", "宮城県石巻市潮見町２番地１");
    const found = crossWorkbookFindings([digestOf(h22(), "a.xlsx"), digestOf(b, "b.xlsx")]);
    expect(found.map(described)).toEqual([
      "portfolio.facility.duplicate error b.xlsx 別紙1!C6 ⇔ a.xlsx 別紙1!C6",
    ]);
    expect(found[0].message.ja).toContain("1 文字違い");
  });

  it("the same name at another address is another facility", () => {
    let b = withCell(h21(), L, "C6", "セイホクバイオマス熱電供給設備 (2020年度)");
    b = withCell(b, L, "D6", "福井県坂井市三国町緑が丘4丁目4-8");
    expect(crossWorkbookFindings([digestOf(h22(), "a.xlsx"), digestOf(b, "b.xlsx")])).toEqual([]);
  });

  it("both a 承認番号 and the facility repeated: reported once, as the 承認番号", () => {
    const found = crossWorkbookFindings([digestOf(h22(), "a.xlsx", "1"), digestOf(h22(), "b.xlsx", "2")]);
    expect(found.map(described)).toEqual(
      ["B4", "B5", "B6"].map(
        (c) => `portfolio.approvalNumber.duplicate error b.xlsx 別紙1!${c} ⇔ a.xlsx 別紙1!${c}`,
      ),
    );
  });

  it("the same file twice (same SHA-256): one note, and its facilities are not compared again", () => {
    const found = crossWorkbookFindings([
      digestOf(h22(), "a.xlsx", "same"),
      digestOf(h22(), "copy/a.xlsx", "same"),
      digestOf(h21(), "b.xlsx", "other"),
    ]);
    expect(found.map(described)).toEqual(["portfolio.file.duplicate info copy/a.xlsx ⇔ a.xlsx"]);
  });

  it("a workbook's own repeated 承認番号 is its identity rule's, not a cross-workbook finding", () => {
    const a = withCell(h22(), L, "B5", "14-BB-001");
    expect(crossWorkbookFindings([digestOf(a, "a.xlsx")])).toEqual([]);
  });

  it("digests keep plain cells: a digest survives structured cloning (the worker threads' messages)", () => {
    const d = digestSubmission(readSubmission(h22()), { path: "a.xlsx", sha256: "x" }, null);
    const copy = structuredClone(d);
    expect(copy).toEqual(d);
    expect(formatRef(copy.facilities[1].approvalNumber?.ref ?? { sheet: "", row: 0, col: 0 })).toBe(
      "別紙1!B5",
    );
  });
});

describe("numbered units of one site", () => {
  it("1号 and 2号 at one address, one character apart, are two facilities: no finding", () => {
    let a = withCell(h22(), L, "C6", "石巻バイオマス1号ボイラー (2020年度)");
    a = withCell(a, L, "D6", "宮城県石巻市潮見町2番地1");
    let b = withCell(h21(), L, "C6", "石巻バイオマス2号ボイラー (2020年度)");
    b = withCell(b, L, "D6", "宮城県石巻市潮見町2番地1");
    expect(crossWorkbookFindings([digestOf(a, "a.xlsx"), digestOf(b, "b.xlsx")])).toEqual([]);
  });
});
