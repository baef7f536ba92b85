// The verifier's view of the seed: findings exactly where the published figures do not reproduce, nowhere else.
import { validateGrid, formatRef } from "../../src/engine";
import { seedGrid } from "../fixtures/seedSubmissions";
import type { SeedVariant } from "../fixtures/seedSubmissions";
import type { Finding } from "../../src/types";

const errorsOf = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity !== "info")
    .map((f) => ({ rule: f.rule, cell: formatRef(f.ref), expected: f.expected, actual: f.actual }));

// 別紙1 columns of the plain layout: 3.3 Q_WB is column N (index 13), 3.9 column T (19), 3.10 column U (20);
// data rows start on sheet row 4 (index 3).
describe("H002-2 as published", () => {
  it("flags 川辺's 3.3 (…857 printed, …657 from its inputs), セイホク's 3.10 (+235 kg), 津別's 稚/単 and セイホク's two 稼働日 rules, nothing else", () => {
    const report = validateGrid(seedGrid("H002-2"));
    expect(errorsOf(report.findings)).toEqual([
      // 257,572,286 − ROUNDDOWN(7,538,025 × 9.484) = 186,081,657
      { rule: "projectList.qWb.recompute", cell: "別紙1!N5", expected: "186081657", actual: "186081857" },
      // 157,281,769 × 0.9996 × 0.0749 = 11,775,692.6 → 11,775,692
      { rule: "projectList.emKg.recompute", cell: "別紙1!U6", expected: "11775692", actual: "11775927" },
      // the seed's 別紙1 prints "津別稚板協同組合バイオマスエネルギーセンター (2020年度)", its 別紙1添付
      // "熱 設 備 名 称：津別単板協同組合バイオマスエネルギーセンター": one character apart (稚/単)
      {
        rule: "identity.facilityName.attachment",
        cell: "別紙1添付!A3",
        expected: "津別稚板協同組合バイオマスエネルギーセンター",
        actual: "津別単板協同組合バイオマスエネルギーセンター",
      },
      // セイホク's 別紙1添付 Q_BL method (seed lines 233 and 237): 稼働日 of the steam (①) are days with 主蒸気圧力 ≥ 4 MPa,
      // of the feedwater (③) days with プロセス蒸気圧力 ≥ 4 MPa: the block contradicts itself
      {
        rule: "attachment.operatingDays.inconsistent",
        cell: "別紙1添付!C68",
        expected: "主蒸気圧力が4MPa以上",
        actual: "プロセス蒸気圧力が4MPa以上",
      },
    ]);
    expect(report.summary).toMatchObject({
      recognized: true,
      methodology: "H002-2",
      facilities: 3,
      errors: 2,
      warnings: 2,
    });
    expect(report.summary.period).toEqual({ start: "2020-04-01", end: "2021-03-31" });
    expect(report.summary.text.ja).toMatch(/H002-2.*3 施設.*エラー 2 件/);
  });

  it("offers a one-cell fix that restores the reproducible value and keeps the previous one", () => {
    const report = validateGrid(seedGrid("H002-2"));
    const f = report.findings.find((x) => x.rule === "projectList.qWb.recompute");
    // the fix keeps the formula and number format it replaces too (none in this fixture), so 元に戻す is exact
    expect(f?.fix).toEqual({
      ref: f?.ref,
      value: 186081657,
      previous: 186081857,
      previousFormula: null,
      previousNumberFormat: null,
    });
  });

  it("a corrected version has no error", () => {
    expect(errorsOf(validateGrid(seedGrid("H002-2", { corrected: true })).findings)).toEqual([]);
  });
});

describe("H002-1 as published", () => {
  it("flags the three 3.9 factors printed 0.0738 (0.0678 / 0.92022 → 0.0736), nothing else", () => {
    const report = validateGrid(seedGrid("H002-1"));
    expect(errorsOf(report.findings)).toEqual(
      ["別紙1!T4", "別紙1!T5", "別紙1!T6"].map((cell) => ({
        rule: "projectList.emissionFactor.recompute",
        cell,
        expected: "0.0736",
        actual: "0.0738",
      })),
    );
  });

  it("a corrected version has no error", () => {
    expect(errorsOf(validateGrid(seedGrid("H002-1", { corrected: true })).findings)).toEqual([]);
  });
});

describe("layout variants give the same findings, shifted", () => {
  const shape = (findings: Finding[], dr: number, dc: number) =>
    findings
      .filter((f) => f.severity !== "info")
      .map((f) => ({
        rule: f.rule,
        row: f.ref.row - dr,
        col: f.ref.col - dc,
        expected: f.expected,
        actual: f.actual,
      }));
  const plain = shape(validateGrid(seedGrid("H002-2")).findings, 0, 0);
  it.each<[string, SeedVariant]>([
    ["shifted 7 rows and 3 columns", { shiftRows: 7, shiftCols: 3 }],
    ["numbers typed as text", { textNumbers: true }],
    ["OCR-style headers with line breaks and QBL symbols", { ocrHeaders: true }],
    ["sheet names 様式3-2別紙1 / 別紙2", { longSheetNames: true }],
  ])("%s", (_, variant) => {
    expect(
      shape(
        validateGrid(seedGrid("H002-2", variant)).findings,
        variant.shiftRows ?? 0,
        variant.shiftCols ?? 0,
      ),
    ).toEqual(plain);
  });

  it("blank rows between header and data move the cells but not the rules", () => {
    const findings = validateGrid(seedGrid("H002-2", { blankRows: 2 })).findings.filter(
      (f) => f.severity !== "info",
    );
    expect(findings.map((f) => formatRef(f.ref))).toEqual([
      "別紙1!N7",
      "別紙1!U8",
      "別紙1添付!A3",
      "別紙1添付!C68",
    ]);
  });

  it("numbers stored as text are read and reported as info", () => {
    const infos = validateGrid(seedGrid("H002-2", { textNumbers: true })).findings.filter(
      (f) => f.rule === "hygiene.numberAsText",
    );
    expect(infos.length).toBeGreaterThan(20);
  });
});
